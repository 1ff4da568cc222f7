package io.medvie.extractor.service;

import io.medvie.broker.EmbeddedKafka;
import io.medvie.events.ExtractionResult;
import io.medvie.events.ReportSource;
import io.medvie.events.ReviewTask;
import io.medvie.ingest.IngestConfig;
import io.medvie.ingest.IngestService;
import io.medvie.ingest.Ingestor;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.synth.generate.GeneratedReport;
import io.medvie.synth.generate.ReportGenerator;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real embedded broker, registry and ingest, and synthetic reports submitted through ingest: the
 * stream an extractor consumes. One per test class.
 */
final class StreamFixture implements AutoCloseable {
    final Path dir;
    final EmbeddedKafka kafka;
    final EmbeddedSchemaRegistry registry;
    final IngestService ingest;

    StreamFixture(Path dir) throws Exception {
        this.dir = dir;
        this.kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        TopicSetup.ensure(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.ALL, (short) 1);
        this.registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        this.ingest =
                IngestService.start(
                        IngestConfig.from(
                                Settings.of(
                                        Map.of(
                                                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                                                "schema.registry.url", registry.url(),
                                                "medvie.ingest.port", "0",
                                                "medvie.blob.dir", blobDir().toString(),
                                                "medvie.ingest.tokens.file",
                                                        dir.resolve("tokens").toString()))));
    }

    Path blobDir() {
        return dir.resolve("blobs");
    }

    /** Settings of an extractor on this stream. */
    Map<String, String> extractorSettings(String instanceId, String group) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        s.put("schema.registry.url", registry.url());
        s.put("medvie.blob.dir", blobDir().toString());
        s.put("medvie.extractor.instance.id", instanceId);
        s.put("medvie.extractor.group", group);
        s.put("medvie.extractor.max.poll.records", "4");
        return s;
    }

    /**
     * Submits {@code count} synthetic reports: every fifth a clean page image (real OCR), the
     * others born-digital PDFs (PDF text), so that the stream is quick but OCR is exercised.
     *
     * @return report ids in submission order
     */
    List<String> submitSynthetic(int count, long seed) throws Exception {
        ReportGenerator pdfs = generator(Style.PDF, seed, count);
        ReportGenerator images = generator(Style.CLEAN, seed + 1, count);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes;
            if (i % 5 == 0) {
                GeneratedReport r = images.generate(i);
                bytes = r.file("page-1.png");
            } else {
                bytes = pdfs.generate(i).file(ReportGenerator.PDF);
            }
            ids.add(submit(bytes).reportId());
        }
        return ids;
    }

    Ingestor.Receipt submit(byte[] bytes) throws Exception {
        return ingest.ingestor().submit(new ByteArrayInputStream(bytes), ReportSource.OTHER);
    }

    /**
     * Stores bytes and announces them on medvie.reports directly, as another producer than our
     * ingest might, with whatever media type it claims.
     */
    String announce(byte[] bytes, String mediaType) throws Exception {
        io.medvie.blobstore.BlobStore.BlobRef ref =
                new io.medvie.blobstore.FileBlobStore(blobDir()).put(bytes);
        String id = Ingestor.reportIdOf(ref.sha256());
        io.medvie.events.ReportSubmitted event =
                io.medvie.events.ReportSubmitted.newBuilder()
                        .setReportId(id)
                        .setSha256(ref.sha256())
                        .setBlobUri(ref.uri())
                        .setMediaType(mediaType)
                        .setSizeBytes(ref.size())
                        .setSource(io.medvie.events.ReportSource.OTHER)
                        .setSubmittedAt(java.time.Instant.now())
                        .build();
        Map<String, Object> props =
                Map.of(
                        "bootstrap.servers",
                        kafka.bootstrapServers(),
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        registry.url());
        io.medvie.schemas.serde.AvroSerializer<io.medvie.events.ReportSubmitted> values =
                new io.medvie.schemas.serde.AvroSerializer<>();
        values.configure(props, false);
        try (org.apache.kafka.clients.producer.KafkaProducer<
                        String, io.medvie.events.ReportSubmitted>
                producer =
                        new org.apache.kafka.clients.producer.KafkaProducer<>(
                                props,
                                new org.apache.kafka.common.serialization.StringSerializer(),
                                values)) {
            producer.send(
                            new org.apache.kafka.clients.producer.ProducerRecord<>(
                                    Topics.REPORTS, id, event))
                    .get();
        }
        return id;
    }

    private ReportGenerator generator(Style style, long seed, int count) {
        return new ReportGenerator(
                new SynthOptions(
                        count, Templates.all(), style, seed, dir.resolve("unused"), 0, false, 1));
    }

    /** Everything committed on a topic, read until {@code done} holds or the timeout passes. */
    <T extends SpecificRecord> List<ConsumerRecord<String, T>> readCommitted(
            String topic,
            java.util.function.Predicate<List<ConsumerRecord<String, T>>> done,
            Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<T> values = new AvroDeserializer<>();
        values.configure(props, false);
        List<ConsumerRecord<String, T>> out = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> parts =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (!done.test(out) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(out::add);
            }
            // A quiet second more: anything extra (a duplicate) shows up here.
            consumer.poll(Duration.ofSeconds(1)).forEach(out::add);
        }
        return out;
    }

    List<ConsumerRecord<String, ExtractionResult>> extractions(
            int expectedDistinct, Duration timeout) {
        return readCommitted(
                Topics.EXTRACTIONS,
                (List<ConsumerRecord<String, ExtractionResult>> l) ->
                        l.stream().map(ConsumerRecord::key).distinct().count() >= expectedDistinct,
                timeout);
    }

    List<ConsumerRecord<String, ReviewTask>> reviewTasks(int expected, Duration timeout) {
        return readCommitted(
                Topics.REVIEW_TASKS,
                (List<ConsumerRecord<String, ReviewTask>> l) -> l.size() >= expected,
                timeout);
    }

    List<ConsumerRecord<byte[], byte[]>> deadLetters(int expected, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.DLQ_EXTRACTOR, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(out::add);
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(out::add);
        }
        return out;
    }

    /** Starts an extractor in its own JVM, as production runs it. */
    Process startExtractorProcess(String instanceId, String group, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                        java,
                        "-Xmx1g",
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExtractorApp.class.getName());
        extractorSettings(instanceId, group)
                .forEach(
                        (k, v) ->
                                pb.environment()
                                        .put(
                                                k.toUpperCase().replace('.', '_').replace('-', '_'),
                                                v));
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    @Override
    public void close() {
        ingest.close();
        registry.close();
        kafka.close();
    }
}
