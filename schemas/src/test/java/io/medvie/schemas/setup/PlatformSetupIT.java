package io.medvie.schemas.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.broker.EmbeddedKafka;
import io.medvie.schemas.EventTypes;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.registry.CompatibilityLevel;
import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The init job against a real broker and registry: everything created once, then nothing. */
class PlatformSetupIT {
    @TempDir Path dir;

    @Test
    void createsTopicsAndRegistersSchemasOnceAndIsIdempotent() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir);
                EmbeddedSchemaRegistry registry =
                        EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            Settings settings =
                    Settings.of(
                            Map.of(),
                            Map.of(
                                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                                    "SCHEMA_REGISTRY_URL", registry.url(),
                                    "MEDVIE_SETUP_REPLICATION_FACTOR", "1"));

            PlatformSetupApp.Result first = PlatformSetupApp.run(settings);

            assertThat(first.createdTopics())
                    .containsExactlyInAnyOrderElementsOf(
                            Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
            assertThat(first.schemaIds()).hasSize(EventTypes.valueSchemas().size());
            try (Admin admin =
                    Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Map<String, TopicDescription> described =
                        admin.describeTopics(
                                        Topics.ALL.stream().map(Topics.TopicSpec::name).toList())
                                .allTopicNames()
                                .get(30, TimeUnit.SECONDS);
                for (Topics.TopicSpec spec : Topics.ALL) {
                    assertThat(described.get(spec.name()).partitions())
                            .as(spec.name())
                            .hasSize(spec.partitions());
                }
                ConfigResource models =
                        new ConfigResource(ConfigResource.Type.TOPIC, Topics.MODELS);
                assertThat(
                                admin.describeConfigs(java.util.List.of(models))
                                        .all()
                                        .get(30, TimeUnit.SECONDS)
                                        .get(models)
                                        .get("cleanup.policy")
                                        .value())
                        .isEqualTo("compact");
            }
            SchemaRegistryClient client = SchemaRegistryClient.create(registry.url());
            assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);

            PlatformSetupApp.Result second = PlatformSetupApp.run(settings);

            assertThat(second.createdTopics()).isEmpty();
            assertThat(second.schemaIds()).isEqualTo(first.schemaIds());
        }
    }

    @Test
    void aBadCompatibilityLevelIsNamedBeforeAnythingIsTouched() {
        Settings settings =
                Settings.of(
                        Map.of(
                                "kafka.bootstrap.servers", "127.0.0.1:1",
                                "schema.registry.url", "http://127.0.0.1:1",
                                "medvie.setup.compatibility", "sideways"));
        assertThatThrownBy(() -> PlatformSetupApp.run(settings))
                .hasMessageContaining("MEDVIE_SETUP_COMPATIBILITY")
                .hasMessageContaining("'sideways'");
    }
}
