package io.medvie.app.cli;

import io.medvie.app.demo.DemoLogs;
import io.medvie.app.demo.LoopDemo;
import io.medvie.app.platform.EmbeddedPlatform;
import io.medvie.blobstore.FileBlobStore;
import io.medvie.events.ExtractionResult;
import io.medvie.events.ReportSubmitted;
import io.medvie.extractor.service.ExtractorConfig;
import io.medvie.extractor.service.ExtractorRuntime;
import io.medvie.ingest.submit.SubmitClient;
import io.medvie.quality.QualityConfig;
import io.medvie.quality.QualityRuntime;
import io.medvie.review.ReviewConfig;
import io.medvie.review.ReviewService;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.quality.QualityView;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.trainer.service.TrainerConfig;
import io.medvie.trainer.service.TrainerRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code medvie demo}: the main job on the embedded default. Starts the platform and every service
 * in one JVM (ingest, extractor, review, trainer), submits the sample reports shipped in the repo
 * and shows the events they became, then runs the learning loop ({@link LoopDemo}): a stream of
 * synthetic reports, a simulated reviewer, models published by the trainer and swapped in by the
 * extractor, and their F1 on templates the shipped model never saw.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the embedded platform and all services in one JVM, submits the sample reports"
                    + " and shows their events, then streams synthetic reports through the whole"
                    + " loop: extraction, a simulated reviewer, GRPO training, gated models swapped"
                    + " into the extractor.",
            "Prints live progress and a summary table (model version, samples, held-out F1,"
                    + " unseen-template F1, auto-accept rate); then keeps running for you to try the"
                    + " review UI, unless --exit is given."
        })
public final class DemoCommand implements Callable<Integer> {
    @Mixin DataDir data;

    @Option(
            names = "--samples",
            paramLabel = "DIR",
            description = "Reports to submit (default: the repo's samples/ folder).")
    Path samples;

    @Option(names = "--exit", description = "Stop after the summary instead of staying up.")
    boolean exit;

    @Option(names = "--fixed-ports", description = "Use 9092/8081/8080 instead of free ports.")
    boolean fixedPorts;

    @Option(
            names = "--reports",
            defaultValue = "150",
            description =
                    "Synthetic reports to stream; 0 skips the loop (default: ${DEFAULT-VALUE}).")
    int reports;

    @Option(
            names = "--unseen-share",
            defaultValue = "0.5",
            description =
                    "Share of them from templates the shipped model never saw (default: ${DEFAULT-VALUE}).")
    double unseenShare;

    @Option(
            names = "--eval-reports",
            defaultValue = "30",
            description =
                    "Unseen-template reports each model version is scored on (default: ${DEFAULT-VALUE}).")
    int evalReports;

    @Option(
            names = "--style",
            defaultValue = "scan",
            description = "Synthetic style: clean, scan, photo or pdf (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(
            names = "--rate",
            defaultValue = "0.35",
            description = "Reports submitted per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--error-rate",
            defaultValue = "0.02",
            description =
                    "Share of the simulated reviewer's submissions with one wrong value (default: ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(
            names = "--round-samples",
            defaultValue = "20",
            description =
                    "New verified training samples that start a training round (default: ${DEFAULT-VALUE}).")
    int roundSamples;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description =
                    "Seed of the synthetic data and the reviewer (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "A service setting for this run, e.g. --set medvie.trainer.grpo.epochs=2"
                            + " (docs/trainer.md, docs/extractor.md, docs/review.md); repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(
            names = "--max-wait-minutes",
            defaultValue = "8",
            description =
                    "Bound on waiting for extraction, review and training to finish after the last"
                            + " submission (default: ${DEFAULT-VALUE}).")
    int maxWaitMinutes;

    @Option(
            names = "--verbose",
            description =
                    "Show the services' INFO logs on the console too (by default they go to"
                            + " <data>/logs/demo.log and the console shows progress and warnings).")
    boolean verbose;

    private LoopDemo.Result loopResult;

    /** What the learning loop measured in the last run (null when it did not run). */
    public LoopDemo.Result loopResult() {
        return loopResult;
    }

    @Override
    public Integer call() throws Exception {
        if (verbose) {
            return run();
        }
        Path file = Files.createDirectories(data.path().resolve("logs")).resolve("demo.log");
        try (DemoLogs logs = DemoLogs.toFile(file)) {
            if (logs.file() != null) {
                System.err.println(
                        "Service logs go to "
                                + logs.file()
                                + "; the console shows progress and warnings (--verbose: all)");
            }
            return run();
        }
    }

    private int run() throws Exception {
        Path sampleDir = samples != null ? samples : defaultSamples();
        if (!Files.isDirectory(sampleDir)) {
            throw new IllegalArgumentException("no samples folder at " + sampleDir);
        }
        EmbeddedPlatform.Ports ports =
                fixedPorts
                        ? new EmbeddedPlatform.Ports(9092, 8081, 8080)
                        : new EmbeddedPlatform.Ports(0, 0, 0);
        System.err.println("Starting the embedded platform in " + data.path() + " ...");
        long started = System.nanoTime();
        EmbeddedPlatform platform = PlatformCommand.start(data.path(), ports, null);
        System.err.printf("Platform up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        Services services;
        try {
            services = Services.start(platform, data.path(), roundSamples, settings);
        } catch (Exception e) {
            platform.close();
            throw e;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stopAll =
                () -> {
                    if (stopped.compareAndSet(false, true)) {
                        services.close();
                        platform.close();
                    }
                };
        try {
            List<Path> files = SubmitClient.expand(List.of(sampleDir));
            System.err.println("Submitting " + files.size() + " sample reports from " + sampleDir);
            SubmitClient.Summary summary =
                    new SubmitClient(URI.create(platform.ingestUrl()), platform.cliToken())
                            .submitAll(files, System.err);
            Map<String, Path> fileById = new LinkedHashMap<>();
            summary.outcomes().stream()
                    .filter(SubmitClient.Outcome::accepted)
                    .forEach(o -> fileById.put(o.reportId(), o.file()));

            System.out.println();
            System.out.println("Events on " + Topics.REPORTS + " (Avro, Confluent wire format):");
            System.out.printf(
                    "  %-36s %-16s %9s  %-6s %-9s %s%n",
                    "report id", "media type", "bytes", "source", "schema id", "file");
            for (Map.Entry<String, Row> e : readEvents(platform, fileById.keySet()).entrySet()) {
                Row row = e.getValue();
                System.out.printf(
                        "  %-36s %-16s %9d  %-6s %-9d %s%n",
                        e.getKey(),
                        row.event().getMediaType(),
                        row.event().getSizeBytes(),
                        row.event().getSource(),
                        row.schemaId(),
                        sampleDir.relativize(fileById.get(e.getKey())));
            }
            System.out.printf(
                    "%nSubmitted %d: %d new, %d already known, %d failed.%n",
                    files.size(), summary.accepted(), summary.duplicates(), summary.failed());

            Map<String, ExtractionResult> extractions =
                    readExtractions(platform, fileById.keySet(), Duration.ofMinutes(3));
            System.out.println();
            System.out.println(
                    "Extractions on "
                            + Topics.EXTRACTIONS
                            + " (model "
                            + services.modelVersion()
                            + "):");
            System.out.printf(
                    "  %-36s %-13s %6s %6s %8s  %s%n",
                    "report id", "status", "fields", "tests", "total ms", "reasons");
            for (Map.Entry<String, ExtractionResult> e : extractions.entrySet()) {
                ExtractionResult r = e.getValue();
                long tests =
                        r.getFields().stream()
                                .filter(
                                        f ->
                                                f.getPath().startsWith("tests[")
                                                        && f.getPath().endsWith(".name"))
                                .count();
                long total = r.getTimingsMs().values().stream().mapToLong(Long::longValue).sum();
                System.out.printf(
                        "  %-36s %-13s %6d %6d %8d  %s%n",
                        e.getKey(),
                        r.getStatus(),
                        r.getFields().size(),
                        tests,
                        total,
                        String.join(", ", r.getReasons()));
            }
            Path out = data.path().resolve("demo-extractions.jsonl");
            writeDocuments(out, extractions);
            System.out.println("  documents with confidences and boxes: " + out.toAbsolutePath());
            if (summary.failed() > 0) {
                return 1;
            }
            if (reports > 0) {
                LoopDemo.Result loop =
                        new LoopDemo(
                                        new LoopDemo.Options(
                                                reports,
                                                unseenShare,
                                                evalReports,
                                                style,
                                                errorRate,
                                                rate,
                                                seed,
                                                Duration.ofMinutes(maxWaitMinutes)),
                                        services.loopServices(platform, data.path()),
                                        data.path(),
                                        System.out)
                                .run();
                loopResult = loop;
                LoopDemo.printSummary(loop, System.out);
                System.out.println();
                System.out.println(
                        "Measured quality per model version and field ("
                                + Topics.QUALITY
                                + ", docs/quality.md):");
                System.out.print(
                        QualityView.table(
                                QualityView.read(
                                        Map.of("bootstrap.servers", platform.bootstrapServers()),
                                        platform.registryUrl(),
                                        Duration.ofSeconds(20))));
            }
            PlatformCommand.printAddresses(platform, System.out);
            services.printAddresses(System.out);
            if (!exit) {
                PlatformCommand.printTryCommands(platform, System.out);
                CountDownLatch forever = new CountDownLatch(1);
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(
                                        () -> {
                                            stopAll.run();
                                            forever.countDown();
                                        },
                                        "demo-shutdown"));
                System.out.println(
                        "Running. Ctrl-C stops it; the data directory keeps everything.");
                forever.await();
            }
            return 0;
        } finally {
            stopAll.run();
        }
    }

    /** The services the demo runs beside the platform, in the same JVM. */
    private record Services(
            ExtractorRuntime extractor,
            ReviewService review,
            TrainerRuntime trainer,
            QualityRuntime quality,
            String password)
            implements AutoCloseable {
        static Services start(
                EmbeddedPlatform platform,
                Path dataDir,
                int roundSamples,
                Map<String, String> overrides)
                throws Exception {
            Map<String, String> props = new HashMap<>();
            props.put("kafka.bootstrap.servers", platform.bootstrapServers());
            props.put("schema.registry.url", platform.registryUrl());
            props.put("medvie.blob.dir", dataDir.resolve("blobs").toString());
            props.put("medvie.extractor.instance.id", "demo-extractor");
            props.put("medvie.extractor.metrics.port", "0");
            // Audit half of what would be auto-accepted, so the quality table has a measured
            // accuracy of auto-accepted fields after a short run (production default: 2%).
            props.put("medvie.routing.lab-report.audit.rate", "0.5");
            System.err.println("Starting the extractor (model, OCR pool) ...");
            ExtractorRuntime extractor =
                    ExtractorRuntime.start(
                            ExtractorConfig.from(Settings.of(merged(props, overrides))));
            String password = demoPassword(dataDir);
            props.put("medvie.review.port", "0");
            props.put(ReviewConfig.BOOTSTRAP_ADMIN, "admin");
            props.put(ReviewConfig.BOOTSTRAP_ADMIN_PASSWORD, password);
            ReviewService review = null;
            try {
                review =
                        ReviewService.start(
                                ReviewConfig.from(Settings.of(merged(props, overrides))));
                System.err.println("Starting the trainer ...");
                props.put("medvie.trainer.instance.id", "demo-trainer");
                props.put("medvie.trainer.data.dir", dataDir.resolve("trainer").toString());
                props.put("medvie.trainer.ocr.threads", "1");
                props.put("medvie.trainer.metrics.port", "0");
                props.put("medvie.trainer.round.min.samples", Integer.toString(roundSamples));
                props.putIfAbsent("medvie.trainer.grpo.epochs", "4");
                TrainerRuntime trainer =
                        TrainerRuntime.start(
                                TrainerConfig.from(Settings.of(merged(props, overrides))));
                props.put("medvie.quality.replication.factor", "1");
                props.put("medvie.quality.state.dir", dataDir.resolve("quality").toString());
                QualityRuntime quality;
                try {
                    quality =
                            QualityRuntime.start(
                                    QualityConfig.from(Settings.of(merged(props, overrides))));
                } catch (Exception | Error e) {
                    trainer.close();
                    throw e;
                }
                return new Services(extractor, review, trainer, quality, password);
            } catch (Exception | Error e) {
                if (review != null) {
                    review.close();
                }
                extractor.close();
                throw e;
            }
        }

        private static Map<String, String> merged(
                Map<String, String> props, Map<String, String> overrides) {
            Map<String, String> out = new HashMap<>(props);
            out.putAll(overrides);
            return out;
        }

        LoopDemo.Services loopServices(EmbeddedPlatform platform, Path dataDir) throws IOException {
            return new LoopDemo.Services(
                    platform.ingestUrl(),
                    platform.cliToken(),
                    review.url(),
                    "admin",
                    password,
                    Map.of("bootstrap.servers", platform.bootstrapServers()),
                    platform.registryUrl(),
                    new FileBlobStore(dataDir.resolve("blobs")),
                    extractor::modelVersion,
                    () ->
                            review.store().board().counts(Instant.now()).open()
                                    + review.store().board().counts(Instant.now()).claimed(),
                    () -> trainer.metrics().samplesTaken(),
                    () -> Math.round(trainer.metrics().publishedCount()),
                    trainer::roundRunning,
                    trainer::state);
        }

        String modelVersion() {
            return extractor.modelVersion();
        }

        void printAddresses(PrintStream out) {
            out.println("  review UI           " + review.url() + "  (admin / " + password + ")");
            if (trainer.metricsPort() > 0) {
                out.println(
                        "  trainer metrics     http://127.0.0.1:"
                                + trainer.metricsPort()
                                + "/metrics");
            }
            if (extractor.metricsPort() > 0) {
                out.println(
                        "  extractor metrics   http://127.0.0.1:"
                                + extractor.metricsPort()
                                + "/metrics");
            }
            out.println();
        }

        @Override
        public void close() {
            quality.close();
            trainer.close();
            review.close();
            extractor.close();
        }

        /** A password for the demo's admin, made once per data directory and kept in it. */
        private static String demoPassword(Path dataDir) throws IOException {
            Path file = dataDir.resolve("review").resolve("demo-admin-password");
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, password + "\n");
            return password;
        }
    }

    private static Map<String, ExtractionResult> readExtractions(
            EmbeddedPlatform platform, Set<String> ids, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<ExtractionResult> avro = new AvroDeserializer<>();
        avro.configure(props, false);
        Map<String, ExtractionResult> out = new LinkedHashMap<>();
        try (KafkaConsumer<String, ExtractionResult> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), avro)) {
            List<TopicPartition> parts =
                    consumer.partitionsFor(Topics.EXTRACTIONS).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (!out.keySet().containsAll(ids) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, ExtractionResult> r :
                        consumer.poll(Duration.ofMillis(300))) {
                    if (ids.contains(r.key())) {
                        out.put(r.key(), r.value());
                    }
                }
            }
        }
        return out;
    }

    private static void writeDocuments(Path file, Map<String, ExtractionResult> extractions)
            throws IOException {
        StringBuilder lines = new StringBuilder();
        for (ExtractionResult r : extractions.values()) {
            lines.append(r.toString()).append('\n');
        }
        Files.writeString(file, lines.toString());
    }

    private record Row(ReportSubmitted event, int schemaId) {}

    private static Map<String, Row> readEvents(EmbeddedPlatform platform, Set<String> ids) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "medvie-demo-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<ReportSubmitted> avro = new AvroDeserializer<>();
        avro.configure(props, false);
        Map<String, Row> rows = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REPORTS));
            long deadline = System.currentTimeMillis() + 15_000;
            while (!rows.keySet().containsAll(ids) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.contains(r.key())) {
                        int schemaId = ByteBuffer.wrap(r.value(), 1, 4).getInt();
                        rows.put(
                                r.key(), new Row(avro.deserialize(r.topic(), r.value()), schemaId));
                    }
                }
            }
        }
        return rows;
    }

    private static Path defaultSamples() {
        String home = System.getProperty("medvie.home");
        return (home == null ? Path.of(".") : Path.of(home)).resolve("samples");
    }
}
