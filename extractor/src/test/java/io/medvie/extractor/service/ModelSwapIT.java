package io.medvie.extractor.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.medvie.blobstore.BlobStore;
import io.medvie.blobstore.FileBlobStore;
import io.medvie.events.ExtractionResult;
import io.medvie.events.ModelPublished;
import io.medvie.model.artifact.DefaultModel;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.artifact.ModelManifest;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.json.DocumentSchemas;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A published model is fetched, checked and swapped in; a corrupt one is refused. */
class ModelSwapIT {
    @TempDir Path dir;

    @Test
    void newModelVersionsAreSwappedInAndCorruptOnesRefused() throws Exception {
        try (StreamFixture stream = new StreamFixture(dir)) {
            Map<String, String> settings = stream.extractorSettings("swapper", "g-swap");
            try (ExtractorRuntime extractor =
                    ExtractorRuntime.start(ExtractorConfig.from(Settings.of(settings)))) {
                String original = extractor.modelVersion();
                stream.submitSynthetic(3, 41);
                assertThat(stream.extractions(3, Duration.ofMinutes(2)))
                        .extracting(r -> r.value().getModelVersion())
                        .containsOnly(original);

                BlobStore blobs = new FileBlobStore(stream.blobDir());
                // A corrupt artifact: the event's sha256 does not match the bytes.
                BlobStore.BlobRef junk = blobs.put("not a model".getBytes());
                publish(stream, event("broken-1", junk.uri(), "0".repeat(64)));
                // A real new version: the default model's parameters under another version.
                byte[] artifact = retagged(DefaultModel.bytes(), "swap-test-2");
                BlobStore.BlobRef ref = blobs.put(artifact);
                publish(stream, event("swap-test-2", ref.uri(), ref.sha256()));

                long deadline = System.currentTimeMillis() + 60_000;
                while (!"swap-test-2".equals(extractor.modelVersion())
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(extractor.modelVersion()).isEqualTo("swap-test-2");

                stream.submitSynthetic(3, 42); // submitted after the swap
                List<ConsumerRecord<String, ExtractionResult>> all =
                        stream.extractions(6, Duration.ofMinutes(2));
                assertThat(all).hasSize(6);
                assertThat(all)
                        .filteredOn(r -> r.value().getModelVersion().equals("swap-test-2"))
                        .hasSize(3);
                assertThat(all)
                        .extracting(r -> r.value().getModelVersion())
                        .doesNotContain("broken-1");
                assertThat(extractor.metrics().scrape()).contains("version=\"swap-test-2\"");
            }
        }
    }

    private static byte[] retagged(byte[] artifact, String version) {
        try (ModelArtifact.Loaded loaded = ModelArtifact.read(artifact, Device.cpu())) {
            ModelManifest m = loaded.manifest();
            ModelManifest renamed =
                    new ModelManifest(
                            m.format(),
                            version,
                            m.version(),
                            m.docType(),
                            m.schemaVersion(),
                            m.labels(),
                            m.features(),
                            m.network(),
                            m.training(),
                            m.seed(),
                            m.metrics(),
                            m.parametersSha256(),
                            m.createdAt());
            return ModelArtifact.write(loaded.tagger(), renamed);
        }
    }

    private static ModelPublished event(String version, String uri, String sha) {
        return ModelPublished.newBuilder()
                .setModelName(DocumentSchemas.LAB_REPORT)
                .setVersion(version)
                .setBlobUri(uri)
                .setSha256(sha)
                .setSchemaVersion(DocumentSchemas.LAB_REPORT_VERSION)
                .setCreatedAt(Instant.now())
                .build();
    }

    private static void publish(StreamFixture stream, ModelPublished event) throws Exception {
        Map<String, Object> props =
                Map.of(
                        "bootstrap.servers",
                        stream.kafka.bootstrapServers(),
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        stream.registry.url());
        AvroSerializer<ModelPublished> values = new AvroSerializer<>();
        values.configure(props, false);
        try (KafkaProducer<String, ModelPublished> producer =
                new KafkaProducer<>(props, new StringSerializer(), values)) {
            producer.send(new ProducerRecord<>(Topics.MODELS, event.getModelName(), event)).get();
        }
    }
}
