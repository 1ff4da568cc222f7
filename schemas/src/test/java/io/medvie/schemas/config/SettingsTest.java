package io.medvie.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @Test
    void environmentOverridesProperties() {
        Settings s =
                Settings.of(
                        Map.of("medvie.ingest.port", "8080"),
                        Map.of("MEDVIE_INGEST_PORT", "9090", "HOME", "/root"));
        assertThat(s.integer("medvie.ingest.port", 1, 0, 65535)).isEqualTo(9090);
        assertThat(s.optional("home")).isEmpty();
    }

    @Test
    void badValuesNameTheSettingAndTheEnvVariable() {
        Settings s = Settings.of(Map.of("medvie.ingest.port", "eighty"));
        assertThatThrownBy(() -> s.integer("medvie.ingest.port", 1, 0, 65535))
                .hasMessageContaining("medvie.ingest.port")
                .hasMessageContaining("MEDVIE_INGEST_PORT")
                .hasMessageContaining("eighty");
        Settings range = Settings.of(Map.of("medvie.ingest.port", "70000"));
        assertThatThrownBy(() -> range.integer("medvie.ingest.port", 1, 0, 65535))
                .hasMessageContaining("from 0 to 65535");
        assertThatThrownBy(() -> s.required("kafka.bootstrap.servers"))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void readsAPropertiesFileAndNothingWithoutOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.properties");
        Files.writeString(file, "medvie.ingest.port=9191\nkafka.bootstrap.servers=b:9092\n");
        Settings s = Settings.of(Settings.readProperties(file), Map.of());
        assertThat(s.integer("medvie.ingest.port", 1, 0, 65535)).isEqualTo(9191);
        assertThat(Settings.readProperties(null)).isEmpty();
    }

    @Test
    void kafkaSettingsPassThroughWithoutPrefix() {
        Settings s =
                Settings.of(
                        Map.of("kafka.bootstrap.servers", "b:9092", "medvie.x", "y"),
                        Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        assertThat(s.kafkaClientProps())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("bootstrap.servers", "b:9092", "security.protocol", "SASL_SSL"));
    }

    @Test
    void tlsAndSaslFromTheEnvironmentReachKafkaClientsUnchanged() {
        String jaas =
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"medvie\" password=\"p=a s;s\";";
        Settings s =
                Settings.of(
                        Map.of("kafka.bootstrap.servers", "b:9093"),
                        Map.of(
                                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                                "KAFKA_SASL_JAAS_CONFIG", jaas,
                                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/medvie/tls/truststore.p12",
                                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit",
                                "KAFKA_SSL_KEYSTORE_LOCATION", "/etc/medvie/tls/client.p12",
                                "KAFKA_SSL_KEY_PASSWORD", "k",
                                "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "https",
                                "PATH", "/usr/bin"));
        assertThat(s.kafkaClientProps())
                .containsEntry("bootstrap.servers", "b:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", jaas)
                .containsEntry("ssl.truststore.location", "/etc/medvie/tls/truststore.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "changeit")
                .containsEntry("ssl.keystore.location", "/etc/medvie/tls/client.p12")
                .containsEntry("ssl.key.password", "k")
                .containsEntry("ssl.endpoint.identification.algorithm", "https")
                .hasSize(10);
    }
}
