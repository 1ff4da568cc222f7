package io.medvie.bench.chaos;

import io.medvie.broker.EmbeddedKafka;
import io.medvie.ingest.IngestConfig;
import io.medvie.ingest.IngestService;
import io.medvie.ingest.auth.Role;
import io.medvie.ingest.auth.TokenStore;
import io.medvie.schemas.EventTypes;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The embedded platform of a chaos run, in the bench's own JVM: broker, schema registry and ingest,
 * with a broker that can be stopped and started again on the same data directory and port while the
 * registry, ingest and the service processes stay up (they reconnect by themselves).
 *
 * <p>The app's {@code EmbeddedPlatform} cannot be used here (the app depends on the bench), and it
 * would restart ingest with the broker; this is the same wiring with the broker kept apart.
 */
public final class ChaosPlatform implements AutoCloseable {
    private final Path dataDir;
    private final int kafkaPort;
    private volatile EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final IngestService ingest;
    private final String submitToken;

    private ChaosPlatform(
            Path dataDir,
            EmbeddedKafka kafka,
            EmbeddedSchemaRegistry registry,
            IngestService ingest,
            String submitToken) {
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.kafkaPort = Integer.parseInt(kafka.bootstrapServers().split(":")[1]);
        this.registry = registry;
        this.ingest = ingest;
        this.submitToken = submitToken;
    }

    public static ChaosPlatform start(Path dataDir) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), 0, Map.of());
        EmbeddedSchemaRegistry registry = null;
        try {
            List<Topics.TopicSpec> topics = new ArrayList<>(Topics.ALL);
            topics.add(Topics.SCHEMAS_TOPIC);
            TopicSetup.ensure(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()), topics, (short) 1);
            registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
            SchemaRegistryClient client = SchemaRegistryClient.create(registry.url());
            for (Map.Entry<String, Schema> e : EventTypes.valueSchemas().entrySet()) {
                client.register(Topics.valueSubject(e.getKey()), e.getValue());
            }
            Path tokensFile = dataDir.resolve("ingest").resolve("tokens");
            Files.createDirectories(tokensFile.getParent());
            Files.deleteIfExists(tokensFile);
            TokenStore tokens = TokenStore.open(tokensFile);
            String token = tokens.create("chaos", Role.SUBMITTER);
            Settings settings =
                    Settings.of(
                            Map.of(
                                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                                    "schema.registry.url", registry.url(),
                                    "medvie.ingest.port", "0",
                                    "medvie.blob.dir", blobDir(dataDir).toString(),
                                    "medvie.ingest.tokens.file", tokensFile.toString(),
                                    "medvie.ingest.watch.dir",
                                            dataDir.resolve("inbox").toString()));
            IngestService ingest = IngestService.start(IngestConfig.from(settings));
            return new ChaosPlatform(dataDir, kafka, registry, ingest, token);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            kafka.close();
            throw e;
        }
    }

    public static Path blobDir(Path dataDir) {
        return dataDir.resolve("blobs");
    }

    /**
     * Stops the broker (a clean shutdown, as an operator's restart), waits, and starts it again on
     * the same data directory and port. Everything else keeps running.
     *
     * @return how long the broker was away, in milliseconds
     */
    public synchronized long restartBroker(long pauseMillis) throws InterruptedException {
        long t0 = System.nanoTime();
        kafka.close();
        Thread.sleep(pauseMillis);
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort, Map.of());
        return (System.nanoTime() - t0) / 1_000_000;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String registryUrl() {
        return registry.url();
    }

    public String ingestUrl() {
        return "http://127.0.0.1:" + ingest.port();
    }

    public String submitToken() {
        return submitToken;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        ingest.close();
        registry.close();
        kafka.close();
    }
}
