package io.medvie.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GateTest {
    private final Gate gate = new Gate(0.01, 5);

    @Test
    void publishesABetterOrEqualCandidate() {
        Gate.Decision d = gate.decide(0.80, 0.75, 10);
        assertThat(d.publish()).isTrue();
        assertThat(d.word()).isEqualTo("publish");
        assertThat(d.reason()).contains("0.8000 >= live F1 0.7500").contains("10 held-out");
        assertThat(gate.decide(0.75, 0.75, 10).publish()).isTrue();
    }

    @Test
    void toleratesALossWithinTheMarginOnly() {
        assertThat(gate.decide(0.745, 0.75, 10).publish()).isTrue();
        assertThat(gate.decide(0.74, 0.75, 10).publish()).isTrue(); // exactly the margin
        Gate.Decision worse = gate.decide(0.7399, 0.75, 10);
        assertThat(worse.publish()).isFalse();
        assertThat(worse.word()).isEqualTo("refuse");
        assertThat(worse.reason())
                .contains("candidate F1 0.7399 < live F1 0.7500 - margin 0.0100 = 0.7400");
        assertThat(worse.candidateF1()).isEqualTo(0.7399);
        assertThat(worse.liveF1()).isEqualTo(0.75);
    }

    @Test
    void refusesOnTooSmallAHeldOutSetEvenAPerfectCandidate() {
        Gate.Decision d = gate.decide(1.0, 0.2, 4);
        assertThat(d.publish()).isFalse();
        assertThat(d.reason()).contains("4 documents, fewer than the minimum 5");
        assertThat(gate.decide(1.0, 0.2, 5).publish()).isTrue();
    }

    @Test
    void refusesANaNCandidate() {
        assertThat(gate.decide(Double.NaN, 0.5, 10).publish()).isFalse();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new Gate(-0.1, 5)).hasMessageContaining("margin");
        assertThatThrownBy(() -> new Gate(0.01, 0)).hasMessageContaining("minimum held-out");
    }
}
