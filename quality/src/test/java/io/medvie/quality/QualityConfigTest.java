package io.medvie.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class QualityConfigTest {
    private static final Map<String, String> MINIMAL =
            Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:9092",
                    "schema.registry.url", "http://127.0.0.1:8081");

    @Test
    void defaultsAndStreamsSettingsAreExactlyOnceWithTheConfiguredReplication() {
        QualityConfig c =
                QualityConfig.from(
                        Settings.of(
                                Map.of(
                                        "kafka.bootstrap.servers", "127.0.0.1:9092",
                                        "kafka.security.protocol", "SSL",
                                        "schema.registry.url", "http://127.0.0.1:8081"),
                                Map.of("MEDVIE_QUALITY_REPLICATION_FACTOR", "1")));
        assertThat(c.applicationId()).isEqualTo("medvie-quality");
        assertThat(c.replicationFactor()).isEqualTo((short) 1);
        assertThat(c.stateDir()).isEqualTo(Path.of("data", "quality"));
        assertThat(c.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.dlqTopic()).isEqualTo("medvie.dlq.quality");

        Properties p = QualityRuntime.streamsProperties(c);
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(1);
        assertThat(p.get("security.protocol")).as("TLS passes through").isEqualTo("SSL");
        assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("medvie-quality");
        assertThat(QualityConfig.from(Settings.of(MINIMAL)).replicationFactor())
                .as("broker default")
                .isEqualTo((short) -1);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(
                        () ->
                                QualityConfig.from(
                                        Settings.of(
                                                Map.of("schema.registry.url", "http://x:8081"))))
                .hasMessageContaining("kafka.bootstrap.servers");
        assertThatThrownBy(
                        () ->
                                QualityConfig.from(
                                        Settings.of(
                                                Map.of(
                                                        "kafka.bootstrap.servers",
                                                        "127.0.0.1:9092"))))
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(
                        () ->
                                QualityConfig.from(
                                        Settings.of(MINIMAL)
                                                .with("medvie.quality.replication.factor", "0")))
                .hasMessageContaining("medvie.quality.replication.factor")
                .hasMessageContaining("'0'");
        assertThatThrownBy(
                        () ->
                                QualityConfig.from(
                                        Settings.of(MINIMAL)
                                                .with("medvie.quality.commit.interval.ms", "0")))
                .hasMessageContaining("medvie.quality.commit.interval.ms");
    }
}
