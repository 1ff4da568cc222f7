package io.medvie.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientConfigTest {

    @Test
    void readsSeveralUrlsAndDropsTrailingSlashes() {
        SchemaRegistryClientConfig config =
                SchemaRegistryClientConfig.fromMap(
                        Map.of(
                                "schema.registry.url",
                                "http://a:8081/, https://b/apis/ccompat/v7/"));

        assertThat(config.urls())
                .containsExactly(
                        URI.create("http://a:8081"), URI.create("https://b/apis/ccompat/v7"));
        assertThat(config.authorization()).isEmpty();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void basicAuthFromUserInfoBecomesAHeader() {
        SchemaRegistryClientConfig config =
                SchemaRegistryClientConfig.fromMap(
                        Map.of(
                                "schema.registry.url", "http://a:8081",
                                "basic.auth.user.info", "fred:s3cr:et"));

        assertThat(config.authorization())
                .contains(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "fred:s3cr:et".getBytes(StandardCharsets.UTF_8)));
        assertThat(config.toString()).doesNotContain("s3cr").contains("Basic ***");
    }

    @Test
    void basicAuthFromTheUrlWhenTheSourceSaysSo() {
        SchemaRegistryClientConfig config =
                SchemaRegistryClientConfig.fromMap(
                        Map.of(
                                "schema.registry.url", "http://fred:pw@a:8081",
                                "basic.auth.credentials.source", "URL"));

        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"));
        assertThat(config.authorization())
                .contains("Basic " + Base64.getEncoder().encodeToString("fred:pw".getBytes()));
    }

    @Test
    void bearerToken() {
        SchemaRegistryClientConfig config =
                SchemaRegistryClientConfig.fromMap(
                        Map.of("schema.registry.url", "http://a", "bearer.auth.token", "tok"));

        assertThat(config.authorization()).contains("Bearer tok");
    }

    @Test
    void badSettingsNameTheKeyButNeverTheSecret() {
        assertThatThrownBy(
                        () ->
                                SchemaRegistryClientConfig.fromMap(
                                        Map.of("schema.registry.url", "ftp://a")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("ftp://a");
        assertThatThrownBy(
                        () ->
                                SchemaRegistryClientConfig.fromMap(
                                        Map.of(
                                                "schema.registry.url", "http://a",
                                                "basic.auth.user.info", "nocolonsecret")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining("nocolonsecret");
        assertThatThrownBy(
                        () ->
                                SchemaRegistryClientConfig.fromMap(
                                        Map.of(
                                                "schema.registry.url", "http://a",
                                                "basic.auth.user.info", "u:p",
                                                "bearer.auth.token", "tok")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bearer.auth.token");
        assertThatThrownBy(
                        () ->
                                SchemaRegistryClientConfig.fromMap(
                                        Map.of(
                                                "schema.registry.url", "http://a",
                                                "schema.registry.request.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.request.timeout.ms");
    }

    @Test
    void parsesCompatibilityLevelsAsTheApiSpellsThem() {
        assertThat(CompatibilityLevel.parse("backward_transitive"))
                .contains(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("FULL")).contains(CompatibilityLevel.FULL);
        assertThat(CompatibilityLevel.parse("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
    }
}
