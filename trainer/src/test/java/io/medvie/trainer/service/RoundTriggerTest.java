package io.medvie.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoundTriggerTest {
    private static final Instant LAST = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void enoughNewSamplesStartARoundAtOnce() {
        RoundTrigger t = new RoundTrigger(20, Duration.ofHours(1));
        assertThat(t.due(19, LAST, LAST.plusSeconds(1))).isNull();
        assertThat(t.due(20, LAST, LAST.plusSeconds(1))).contains("20 new samples");
        assertThat(t.due(25, LAST, LAST)).isNotNull();
    }

    @Test
    void theScheduleStartsARoundWithFewerSamplesButNeverWithNone() {
        RoundTrigger t = new RoundTrigger(20, Duration.ofHours(1));
        assertThat(t.due(3, LAST, LAST.plus(Duration.ofMinutes(59)))).isNull();
        assertThat(t.due(3, LAST, LAST.plus(Duration.ofHours(1)))).startsWith("schedule");
        assertThat(t.due(0, LAST, LAST.plus(Duration.ofDays(3)))).isNull();
    }

    @Test
    void aZeroIntervalTurnsTheScheduleOff() {
        RoundTrigger t = new RoundTrigger(20, Duration.ZERO);
        assertThat(t.due(19, LAST, LAST.plus(Duration.ofDays(365)))).isNull();
        assertThat(t.due(20, LAST, LAST)).isNotNull();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RoundTrigger(0, Duration.ZERO))
                .hasMessageContaining("minimum new samples");
        assertThatThrownBy(() -> new RoundTrigger(1, Duration.ofSeconds(-1)))
                .hasMessageContaining("interval");
    }
}
