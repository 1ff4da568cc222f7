package io.medvie.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void defaultsAreConfluents() {
        AvroSerdeConfig config =
                AvroSerdeConfig.fromMap(Map.of("schema.registry.url", "http://h:8081"), false);

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.specificType()).isEmpty();
        assertThat(config.registry().urls()).hasSize(1);
    }

    @Test
    void readsFlagsAsStringsOrBooleans() {
        AvroSerdeConfig config =
                AvroSerdeConfig.fromMap(
                        Map.of(
                                "schema.registry.url", "http://h:8081",
                                "auto.register.schemas", "false",
                                "specific.avro.reader", true),
                        false);

        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.specificAvroReader()).isTrue();
    }

    @Test
    void aTypeForTheKeyOnlyAppliesToTheKeySerde() {
        Map<String, String> props =
                Map.of(
                        "schema.registry.url", "http://h:8081",
                        "specific.avro.key.type", "a.b.Key");

        assertThat(AvroSerdeConfig.fromMap(props, true).specificType()).contains("a.b.Key");
        assertThat(AvroSerdeConfig.fromMap(props, true).specificAvroReader()).isTrue();
        assertThat(AvroSerdeConfig.fromMap(props, false).specificType()).isEmpty();
    }

    @Test
    void aBadFlagNamesTheSettingAndTheValue() {
        assertThatThrownBy(
                        () ->
                                AvroSerdeConfig.fromMap(
                                        Map.of(
                                                "schema.registry.url", "http://h:8081",
                                                "auto.register.schemas", "yes"),
                                        false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas")
                .hasMessageContaining("yes");
    }

    @Test
    void aMissingUrlNamesTheSetting() {
        assertThatThrownBy(() -> AvroSerdeConfig.fromMap(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
