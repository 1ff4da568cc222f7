package io.medvie.review.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.events.FieldHistory;
import io.medvie.events.ReviewState;
import io.medvie.events.ReviewStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputTest {
    private static final Instant NOW = Instant.parse("2026-03-14T12:30:00Z");

    private static ReviewState done(
            String id, String by, Instant claimed, Duration took, List<String> corrected) {
        Instant at = claimed.plus(took);
        return ReviewState.newBuilder()
                .setTaskId(id)
                .setReportId("r")
                .setStatus(ReviewStatus.DONE)
                .setVersion(3)
                .setClaimedBy(by)
                .setClaimedAt(claimed)
                .setDoneBy(by)
                .setDoneAt(at)
                .setHistory(
                        corrected.stream()
                                .map(p -> new FieldHistory(p, "CORRECTED", "a", "b", by, at))
                                .toList())
                .setFieldsReviewed(Map.of("tests[].value", 4, "patient.name", 1))
                .setUpdatedAt(at)
                .build();
    }

    @Test
    void countsRatesAndTimes() {
        List<ReviewState> states =
                List.of(
                        done(
                                "1",
                                "rita",
                                NOW.minusSeconds(600),
                                Duration.ofSeconds(60),
                                List.of("tests[0].value", "tests[2].value")),
                        done(
                                "2",
                                "rita",
                                NOW.minusSeconds(300),
                                Duration.ofSeconds(120),
                                List.of()),
                        done(
                                "3",
                                "rob",
                                NOW.minus(Duration.ofHours(5)),
                                Duration.ofSeconds(30),
                                List.of("patient.name")),
                        done(
                                "4",
                                "rob",
                                NOW.minus(Duration.ofHours(30)),
                                Duration.ofSeconds(90),
                                List.of()));
        Throughput.Report r = Throughput.of(states, NOW, 12);
        assertThat(r.doneTotal()).isEqualTo(4);
        assertThat(r.doneLastHour()).isEqualTo(2);
        assertThat(r.doneLast24h()).isEqualTo(3);
        assertThat(r.tasksPerHour24h()).isEqualTo(3 / 24.0);
        assertThat(r.medianMs()).isEqualTo(75_000);
        assertThat(r.meanMs()).isEqualTo(75_000);
        assertThat(r.hours()).hasSize(12);
        assertThat(r.hours().get(11).tasks()).isEqualTo(2);
        assertThat(r.hours().get(11).startMs())
                .isEqualTo(Instant.parse("2026-03-14T12:00:00Z").toEpochMilli());
        assertThat(r.hours().get(6).tasks()).isEqualTo(1); // 07:30 falls in 07:00
        assertThat(r.fields())
                .extracting(
                        Throughput.FieldRate::field,
                        Throughput.FieldRate::reviewed,
                        Throughput.FieldRate::corrected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("patient.name", 4, 1),
                        org.assertj.core.groups.Tuple.tuple("tests[].value", 16, 2));
        assertThat(r.reviewers())
                .extracting(Throughput.Reviewer::reviewer, Throughput.Reviewer::tasks)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rita", 2),
                        org.assertj.core.groups.Tuple.tuple("rob", 2));
    }
}
