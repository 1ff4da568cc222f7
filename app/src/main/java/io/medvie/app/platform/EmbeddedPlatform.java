package io.medvie.app.platform;

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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a KRaft broker, the schema registry and ingest in this JVM, all on
 * loopback, all state under one data directory that survives restarts.
 *
 * <pre>
 * data/kafka      broker log and metadata
 * data/blobs      content-addressed report bytes
 * data/ingest     hashed tokens, and cli-token: a submitter token for the local CLI (mode 600)
 * data/inbox      watched folder
 * data/platform.properties   addresses of the running platform, for the CLI
 * </pre>
 */
public final class EmbeddedPlatform implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPlatform.class);
    public static final String PLATFORM_FILE = "platform.properties";
    public static final String CLI_TOKEN_FILE = "cli-token";

    private final Path dataDir;
    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final IngestService ingest;
    private final Map<String, Integer> schemaIds;
    private final String adminTokenCreated;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Ports of the three servers; 0 picks a free one. */
    public record Ports(int kafka, int registry, int ingest) {}

    private EmbeddedPlatform(
            Path dataDir,
            EmbeddedKafka kafka,
            EmbeddedSchemaRegistry registry,
            IngestService ingest,
            Map<String, Integer> schemaIds,
            String adminTokenCreated) {
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.registry = registry;
        this.ingest = ingest;
        this.schemaIds = schemaIds;
        this.adminTokenCreated = adminTokenCreated;
    }

    public static EmbeddedPlatform start(Path dataDir, Ports ports, Path watchDir)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        EmbeddedKafka kafka =
                EmbeddedKafka.start(dataDir.resolve("kafka"), ports.kafka(), Map.of());
        EmbeddedSchemaRegistry registry = null;
        try {
            List<Topics.TopicSpec> topics = new ArrayList<>(Topics.ALL);
            topics.add(Topics.SCHEMAS_TOPIC);
            TopicSetup.ensure(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()), topics, (short) 1);
            registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), ports.registry());
            Map<String, Integer> ids = registerEventSchemas(registry.url());

            Path tokensFile = dataDir.resolve("ingest").resolve("tokens");
            TokenStore tokens = TokenStore.open(tokensFile);
            String adminToken = null;
            if (tokens.isEmpty()) {
                adminToken = tokens.create("admin", Role.ADMIN);
                writePrivate(
                        dataDir.resolve("ingest").resolve(CLI_TOKEN_FILE),
                        tokens.create("cli", Role.SUBMITTER));
            }
            Settings settings =
                    Settings.of(
                            Map.of(
                                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                                    "schema.registry.url", registry.url(),
                                    "medvie.ingest.port", Integer.toString(ports.ingest()),
                                    "medvie.blob.dir", dataDir.resolve("blobs").toString(),
                                    "medvie.ingest.tokens.file", tokensFile.toString(),
                                    "medvie.ingest.watch.dir", watchDir.toString()));
            IngestService ingest = IngestService.start(IngestConfig.from(settings));
            EmbeddedPlatform platform =
                    new EmbeddedPlatform(dataDir, kafka, registry, ingest, ids, adminToken);
            platform.writePlatformFile(watchDir);
            return platform;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            kafka.close();
            throw e;
        }
    }

    /**
     * Registers every event schema under its topic's value subject, so that the ids exist before
     * the first event and consumers in other processes can resolve them.
     */
    private static Map<String, Integer> registerEventSchemas(String registryUrl) {
        SchemaRegistryClient client = SchemaRegistryClient.create(registryUrl);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> e : EventTypes.valueSchemas().entrySet()) {
            String subject = Topics.valueSubject(e.getKey());
            ids.put(subject, client.register(subject, e.getValue()));
        }
        return ids;
    }

    private void writePlatformFile(Path watchDir) throws IOException {
        Properties props = new Properties();
        props.setProperty("kafka.bootstrap.servers", bootstrapServers());
        props.setProperty("schema.registry.url", registryUrl());
        props.setProperty("medvie.ingest.url", ingestUrl());
        props.setProperty("medvie.ingest.watch.dir", watchDir.toAbsolutePath().toString());
        props.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        try (OutputStream out = Files.newOutputStream(dataDir.resolve(PLATFORM_FILE))) {
            props.store(out, "addresses of the running medvie platform");
        }
    }

    private static void writePrivate(Path file, String secret) throws IOException {
        Files.writeString(file, secret + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict permissions of the CLI token file on this file system");
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String ingestUrl() {
        return "http://127.0.0.1:" + ingest.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Schema ids of the event subjects, as registered at this start. */
    public Map<String, Integer> schemaIds() {
        return schemaIds;
    }

    /** The admin token when this start created it (first start on a data directory), else null. */
    public String adminTokenCreated() {
        return adminTokenCreated;
    }

    /** The local CLI's submitter token. */
    public String cliToken() {
        return readCliToken(dataDir);
    }

    public static String readCliToken(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("ingest").resolve(CLI_TOKEN_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "No CLI token in " + dataDir + "/ingest: start the platform there first", e);
        }
    }

    /** Stops everything once; safe to call from a shutdown hook and again afterwards. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ingest.close();
        registry.close();
        kafka.close();
        try {
            Files.deleteIfExists(dataDir.resolve(PLATFORM_FILE));
        } catch (IOException e) {
            log.warn("Cannot remove {}", PLATFORM_FILE, e);
        }
    }
}
