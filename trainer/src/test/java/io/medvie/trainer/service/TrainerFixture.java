package io.medvie.trainer.service;

import io.medvie.blobstore.BlobStore;
import io.medvie.blobstore.FileBlobStore;
import io.medvie.broker.EmbeddedKafka;
import io.medvie.events.ModelPublished;
import io.medvie.events.VerifiedSample;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import io.medvie.synth.generate.GeneratedReport;
import io.medvie.synth.generate.ReportGenerator;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real embedded broker and schema registry, a blob store, and verified samples made from
 * synthetic reports: their bytes in the blob store, their ground truth as the verified document.
 */
final class TrainerFixture implements AutoCloseable {
    final Path dir;
    final EmbeddedKafka kafka;
    final EmbeddedSchemaRegistry registry;
    final BlobStore blobs;

    /** A sample sent: its report id and the record's value bytes. */
    record Sent(String reportId, byte[] value) {}

    TrainerFixture(Path dir) throws Exception {
        this.dir = dir;
        this.kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        TopicSetup.ensure(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.ALL, (short) 1);
        this.registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        this.blobs = new FileBlobStore(blobDir());
    }

    Path blobDir() {
        return dir.resolve("blobs");
    }

    /**
     * Settings of a trainer on this stream: small GRPO rounds, a round once {@code minSamples}
     * training samples are in, a held-out share of 30% and a gate that needs 2 held-out documents.
     */
    Map<String, String> trainerSettings(Path dataDir, int minSamples) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        s.put("schema.registry.url", registry.url());
        s.put("medvie.blob.dir", blobDir().toString());
        s.put("medvie.trainer.data.dir", dataDir.toString());
        s.put("medvie.trainer.instance.id", "trainer-it");
        s.put("medvie.trainer.max.poll.records", "50");
        s.put("medvie.trainer.ocr.threads", "2");
        s.put("medvie.trainer.round.min.samples", Integer.toString(minSamples));
        s.put("medvie.trainer.round.interval.ms", "0");
        s.put("medvie.trainer.heldout.percent", "30");
        s.put("medvie.trainer.gate.min.heldout", "2");
        s.put("medvie.trainer.gate.margin", "0.02");
        s.put("medvie.trainer.checkpoint.every.steps", "2");
        s.put("medvie.trainer.grpo.group.size", "4");
        s.put("medvie.trainer.grpo.docs.per.step", "4");
        s.put("medvie.trainer.grpo.epochs", "1");
        s.put("medvie.trainer.grpo.inner.epochs", "1");
        s.put("medvie.trainer.grpo.learning.rate", "0.00001");
        s.put("medvie.trainer.grpo.seed", "7");
        return s;
    }

    Map<String, String> extractorSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        s.put("schema.registry.url", registry.url());
        s.put("medvie.blob.dir", blobDir().toString());
        s.put("medvie.extractor.instance.id", "extractor-it");
        s.put("medvie.extractor.group", "g-extractor-it");
        return s;
    }

    /**
     * Sends {@code count} verified samples of synthetic reports: every fourth a clean page image
     * (real OCR), the others born-digital PDFs (PDF text), each verified as its ground truth.
     */
    List<Sent> sendSynthetic(int count, long seed) throws Exception {
        ReportGenerator pdfs = generator(Style.PDF, seed, count);
        ReportGenerator images = generator(Style.CLEAN, seed + 1, count);
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean image = i % 4 == 0;
            GeneratedReport r = image ? images.generate(i) : pdfs.generate(i);
            byte[] bytes = image ? r.file("page-1.png") : r.file(ReportGenerator.PDF);
            String document = new String(r.file(ReportGenerator.DOCUMENT), StandardCharsets.UTF_8);
            BlobStore.BlobRef ref = blobs.put(bytes);
            sent.add(
                    send(
                            "r-" + ref.sha256().substring(0, 32),
                            ref.uri(),
                            image ? "image/png" : "application/pdf",
                            document));
        }
        return sent;
    }

    Sent send(String reportId, String blobUri, String mediaType, String verifiedDocument)
            throws Exception {
        VerifiedSample sample =
                VerifiedSample.newBuilder()
                        .setReportId(reportId)
                        .setTaskId("t-" + reportId)
                        .setBlobUri(blobUri)
                        .setMediaType(mediaType)
                        .setDocType("lab-report")
                        .setVerifiedDocument(verifiedDocument)
                        .setModelDocument("{}")
                        .setModelVersion("sft-default-s42")
                        .setReviewer("reviewer-1")
                        .setCorrections(List.of())
                        .setVerifiedAt(Instant.now())
                        .build();
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        AvroSerializer<VerifiedSample> values = new AvroSerializer<>();
        values.configure(props, false);
        byte[] value = values.serialize(Topics.VERIFIED_SAMPLES, sample);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(
                            new ProducerRecord<>(
                                    Topics.VERIFIED_SAMPLES,
                                    reportId.getBytes(StandardCharsets.UTF_8),
                                    value))
                    .get();
        }
        return new Sent(reportId, value);
    }

    private ReportGenerator generator(Style style, long seed, int count) {
        return new ReportGenerator(
                new SynthOptions(
                        count, Templates.all(), style, seed, dir.resolve("unused"), 0, false, 1));
    }

    /** Every committed ModelPublished, read until {@code done} holds or the timeout passes. */
    List<ModelPublished> models(Predicate<List<ModelPublished>> done, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<ModelPublished> values = new AvroDeserializer<>();
        values.configure(props, false);
        List<ModelPublished> out = new ArrayList<>();
        try (KafkaConsumer<String, ModelPublished> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            TopicPartition tp = new TopicPartition(Topics.MODELS, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (!done.test(out) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> out.add(r.value()));
            }
            // A quiet second more: anything extra (a duplicate) shows up here.
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> out.add(r.value()));
        }
        return out;
    }

    List<ConsumerRecord<byte[], byte[]>> deadLetters(int expected, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.DLQ_TRAINER, 0);
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

    /** Waits until {@code file} has at least {@code lines} non-blank lines; returns them. */
    static List<String> awaitLines(Path file, int lines, Duration timeout) throws Exception {
        return awaitLines(file, lines, timeout, () -> true);
    }

    /** As above, giving up early once {@code alive} says the writer is gone. */
    static List<String> awaitLines(
            Path file, int lines, Duration timeout, java.util.function.BooleanSupplier alive)
            throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline && alive.getAsBoolean()) {
            if (Files.isRegularFile(file)) {
                List<String> all =
                        Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
                if (all.size() >= lines) {
                    return all;
                }
            }
            Thread.sleep(200);
        }
        return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
    }

    /** Starts a trainer in its own JVM, as production runs it. */
    Process startTrainerProcess(Map<String, String> settings, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                        java,
                        "-Xmx1g",
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TrainerApp.class.getName());
        settings.forEach(
                (k, v) ->
                        pb.environment()
                                .put(k.toUpperCase().replace('.', '_').replace('-', '_'), v));
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
