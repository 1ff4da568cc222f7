package io.medvie.quality;

import static io.medvie.quality.Events.document;
import static io.medvie.quality.Events.extraction;
import static io.medvie.quality.Events.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.broker.EmbeddedKafka;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.quality.QualityView;
import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality app on the embedded broker with the embedded registry: events in through the
 * project's Avro serde, counts out on medvie.quality through {@link QualityView}.
 */
class QualityIT {
    @TempDir Path dir;

    @Test
    void extractionsAndVerifiedSamplesBecomeCountsOnTheQualityTopic() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
                EmbeddedSchemaRegistry registry =
                        EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            QualityConfig config =
                    QualityConfig.from(
                            Settings.of(
                                    Map.of(
                                            "kafka.bootstrap.servers", kafka.bootstrapServers(),
                                            "schema.registry.url", registry.url(),
                                            "medvie.quality.replication.factor", "1",
                                            "medvie.quality.commit.interval.ms", "100",
                                            "medvie.quality.state.dir",
                                                    dir.resolve("state").toString())));
            try (QualityRuntime runtime = QualityRuntime.start(config)) {
                assertThat(runtime.awaitRunning(Duration.ofSeconds(30))).isTrue();

                produce(kafka.bootstrapServers(), registry.url(), events());
                Map<String, QualityView.Row> rows =
                        awaitRows(
                                kafka,
                                registry,
                                r ->
                                        r.containsKey("v1|test.value")
                                                && r.get("v1|test.value").reviewed() > 0
                                                && r.containsKey("v2|test.value"));
                assertThat(rows.get("v1|test.value"))
                        .isEqualTo(new QualityView.Row("v1", "test.value", 1, 0, 1, 1, 1, 0, 0, 0));
                assertThat(rows.get("v1|patient.name"))
                        .isEqualTo(
                                new QualityView.Row("v1", "patient.name", 1, 1, 1, 0, 1, 1, 0, 0));
                assertThat(rows.get("v2|test.value"))
                        .isEqualTo(new QualityView.Row("v2", "test.value", 1, 1, 0, 0));
                assertThat(rows).hasSize(8);
                assertThat(
                                SchemaRegistryClient.create(registry.url())
                                        .getLatestVersion(Topics.valueSubject(Topics.QUALITY))
                                        .id())
                        .as("counts are written in the registry's wire format")
                        .isPositive();
                assertThat(runtime.failure()).isNull();
            }

            // Restarted with its local state gone: the stores come back from their changelogs,
            // and the same events sent again (plus one new report) count only the new report.
            deleteTree(dir.resolve("state"));
            try (QualityRuntime runtime = QualityRuntime.start(config)) {
                assertThat(runtime.awaitRunning(Duration.ofSeconds(30))).isTrue();
                String right = document("Jo King", "Hemoglobin", "13.5", "g/dL");
                List<ProducerRecord<String, SpecificRecord>> again = new ArrayList<>(events());
                again.add(record(Topics.EXTRACTIONS, extraction("r-4", "v2", right, "AUDIT")));
                again.add(record(Topics.VERIFIED_SAMPLES, sample("r-4", "v2", right, right)));
                produce(kafka.bootstrapServers(), registry.url(), again);
                Map<String, QualityView.Row> rows =
                        awaitRows(
                                kafka,
                                registry,
                                r ->
                                        r.containsKey("v2|test.value")
                                                && r.get("v2|test.value").autoAcceptedChecked()
                                                        > 1);
                assertThat(rows.get("v2|test.value"))
                        .isEqualTo(new QualityView.Row("v2", "test.value", 2, 2, 0, 0));
                assertThat(rows.get("v1|test.value"))
                        .as("nothing counted twice")
                        .isEqualTo(new QualityView.Row("v1", "test.value", 1, 0, 1, 1, 1, 0, 0, 0));
                assertThat(runtime.failure()).isNull();
            }
        }
    }

    /** Seven events: an audited report, one routed for cause verified twice, a late extraction. */
    private static List<ProducerRecord<String, SpecificRecord>> events() {
        String right = document("Ann Lee", "Hemoglobin", "13.5", "g/dL");
        String wrong = document("Ann Lee", "Hemoglobin", "31.5", "g/dL");
        return List.of(
                // Audited, one value wrong.
                record(Topics.EXTRACTIONS, extraction("r-1", "v1", wrong, "AUDIT")),
                record(Topics.VERIFIED_SAMPLES, sample("r-1", "v1", wrong, right)),
                // Routed for cause and corrected; its sample delivered twice.
                record(Topics.EXTRACTIONS, extraction("r-2", "v1", wrong, "LOW_CONFIDENCE")),
                record(Topics.VERIFIED_SAMPLES, sample("r-2", "v1", wrong, right)),
                record(Topics.VERIFIED_SAMPLES, sample("r-2", "v1", wrong, right)),
                // Another model version, verified before its extraction arrives.
                record(Topics.VERIFIED_SAMPLES, sample("r-3", "v2", right, right)),
                record(Topics.EXTRACTIONS, extraction("r-3", "v2", right, "AUDIT")));
    }

    /**
     * Reads medvie.quality until {@code done} holds or 40 s pass, then once more a second later
     * (ten commit intervals), so that events still in flight on other partitions (a duplicate
     * counted twice, say) would show.
     */
    private static Map<String, QualityView.Row> awaitRows(
            EmbeddedKafka kafka,
            EmbeddedSchemaRegistry registry,
            Predicate<Map<String, QualityView.Row>> done)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline && !done.test(read(kafka, registry))) {
            Thread.sleep(300);
        }
        Thread.sleep(1000);
        return read(kafka, registry);
    }

    private static Map<String, QualityView.Row> read(
            EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws Exception {
        return QualityView.read(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        registry.url(),
                        Duration.ofSeconds(10))
                .stream()
                .collect(
                        Collectors.toMap(
                                r -> r.modelVersion() + "|" + r.field(), Function.identity()));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static ProducerRecord<String, SpecificRecord> record(String topic, SpecificRecord v) {
        String reportId = v.get(v.getSchema().getField("reportId").pos()).toString();
        return new ProducerRecord<>(topic, reportId, v);
    }

    private static void produce(
            String bootstrap, String registryUrl, List<ProducerRecord<String, SpecificRecord>> rs) {
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        try (KafkaProducer<String, SpecificRecord> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        values)) {
            for (ProducerRecord<String, SpecificRecord> r : rs) {
                // One at a time: the order across the two topics is part of the test.
                producer.send(r).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce the test events", e);
        }
    }
}
