package io.medvie.app.cli;

import io.medvie.app.platform.EmbeddedPlatform;
import io.medvie.events.ReportSubmitted;
import io.medvie.ingest.submit.SubmitClient;
import io.medvie.schemas.Topics;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code medvie demo}: the main job on the embedded default. For now: start the platform, submit
 * the sample reports shipped in the repo, and show the events they became, read back from Kafka
 * through the schema registry. Later issues extend it with extraction, review and training.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the embedded platform, submits the sample reports and shows their events.",
            "Keeps running for you to try the printed commands, unless --exit is given."
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

    @Override
    public Integer call() throws Exception {
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
        try {
            System.err.printf("Platform up in %.1f s%n", (System.nanoTime() - started) / 1e9);
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
            PlatformCommand.printAddresses(platform, System.out);
            if (summary.failed() > 0) {
                return 1;
            }
            if (!exit) {
                PlatformCommand.printTryCommands(platform, System.out);
                CountDownLatch forever = new CountDownLatch(1);
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(
                                        () -> {
                                            platform.close();
                                            forever.countDown();
                                        },
                                        "demo-shutdown"));
                System.out.println(
                        "Running. Ctrl-C stops it; the data directory keeps everything.");
                forever.await();
            }
            return 0;
        } finally {
            platform.close();
        }
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
