package io.medvie.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.schemas.config.Settings;
import io.medvie.trainer.rl.GrpoConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerConfigTest {
    private static final Map<String, String> REQUIRED =
            Map.of("kafka.bootstrap.servers", "k:9092", "schema.registry.url", "http://r");

    @Test
    void defaults() {
        TrainerConfig c = TrainerConfig.from(Settings.of(REQUIRED));
        assertThat(c.trigger()).isEqualTo(new RoundTrigger(20, Duration.ofHours(1)));
        assertThat(c.split().percent()).isEqualTo(20);
        assertThat(c.gate()).isEqualTo(new Gate(0.01, 5));
        assertThat(c.grpo()).isEqualTo(GrpoConfig.DEFAULT);
        assertThat(c.dataDir()).isEqualTo(Path.of("data", "trainer"));
        assertThat(c.groupId()).isEqualTo("medvie-trainer");
        assertThat(c.metricsPort()).isEqualTo(-1);
        assertThat(c.modelName()).isEqualTo("lab-report");
    }

    @Test
    void settingsAndEnvironmentOverride() {
        TrainerConfig c =
                TrainerConfig.from(
                        Settings.of(
                                        REQUIRED,
                                        Map.of(
                                                "MEDVIE_TRAINER_GATE_MARGIN", "0.05",
                                                "MEDVIE_TRAINER_GRPO_LEARNING_RATE", "0.002"))
                                .with("medvie.trainer.round.min.samples", "7")
                                .with("medvie.trainer.grpo.group.size", "4")
                                .with("medvie.trainer.heldout.percent", "30"));
        assertThat(c.gate().margin()).isEqualTo(0.05);
        assertThat(c.grpo().learningRate()).isEqualTo(0.002f);
        assertThat(c.grpo().groupSize()).isEqualTo(4);
        assertThat(c.trigger().minNewSamples()).isEqualTo(7);
        assertThat(c.split().percent()).isEqualTo(30);
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(
                        () ->
                                TrainerConfig.from(
                                        Settings.of(REQUIRED)
                                                .with("medvie.trainer.gate.margin", "lots")))
                .hasMessageContaining("medvie.trainer.gate.margin")
                .hasMessageContaining("lots");
        assertThatThrownBy(
                        () ->
                                TrainerConfig.from(
                                        Settings.of(REQUIRED)
                                                .with("medvie.trainer.grpo.group.size", "1")))
                .hasMessageContaining("medvie.trainer.grpo.group.size");
        assertThatThrownBy(() -> TrainerConfig.from(Settings.of(Map.of())))
                .hasMessageContaining("kafka.bootstrap.servers");
    }
}
