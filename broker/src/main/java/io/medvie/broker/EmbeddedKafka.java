package io.medvie.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka cluster (broker and controller in one node) running inside this JVM,
 * bound to loopback only.
 *
 * <p>The data directory survives restarts: it is formatted only when it holds no {@code
 * meta.properties} (formatting again with a new cluster id would make the broker refuse to start),
 * and the ports chosen on first start are remembered in it, so that clients configured with the old
 * bootstrap address reconnect after a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String PORTS_FILE = "medvie-ports.properties";
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final int brokerPort;
    private final Path dataDir;

    private EmbeddedKafka(KafkaRaftServer server, int brokerPort, Path dataDir) {
        this.server = server;
        this.brokerPort = brokerPort;
        this.dataDir = dataDir;
    }

    /** Starts a broker on free ports (or the ones remembered in {@code dataDir}). */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, 0, Map.of());
    }

    /**
     * Starts a broker.
     *
     * @param dataDir where the log and the metadata live; created when missing
     * @param brokerPort the client port, or 0 for the remembered one, else a free one
     * @param overrides extra broker properties, applied last
     */
    public static EmbeddedKafka start(Path dataDir, int brokerPort, Map<String, String> overrides) {
        long started = System.nanoTime();
        try {
            Path logDir = dataDir.resolve("kafka-logs");
            Files.createDirectories(logDir);
            Properties ports = loadPorts(dataDir);
            int port = brokerPort != 0 ? brokerPort : intOr(ports, "broker.port", freePort());
            int controllerPort = intOr(ports, "controller.port", freePort());
            ports.setProperty("broker.port", Integer.toString(port));
            ports.setProperty("controller.port", Integer.toString(controllerPort));
            storePorts(dataDir, ports);

            Properties props = brokerProperties(logDir, port, controllerPort);
            overrides.forEach(props::setProperty);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(dataDir, props);
            }
            KafkaRaftServer server =
                    new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            log.info(
                    "Embedded Kafka up on {}:{} in {} ms",
                    HOST,
                    port,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedKafka(server, port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka on port {} stopped", brokerPort);
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        props.setProperty(
                "listeners",
                "PLAINTEXT://"
                        + HOST
                        + ":"
                        + port
                        + ",CONTROLLER://"
                        + HOST
                        + ":"
                        + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty(
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        props.setProperty("num.partitions", "1");
        // A one-node cluster cannot replicate: every internal topic needs factor 1 (STACK.md).
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "4");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "4");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("auto.create.topics.enable", "false");
        return props;
    }

    private static void format(Path dataDir, Properties props) throws IOException {
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "written by medvie to format the KRaft log directory");
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // StorageTool.main would exit the JVM; execute returns the exit code instead.
            code =
                    StorageTool.execute(
                            new String[] {
                                "format", "-t", clusterId, "-c", config.toString(), "--standalone"
                            },
                            printStream);
        }
        if (code != 0) {
            throw new IllegalStateException(
                    "Formatting the Kafka log directory failed (exit "
                            + code
                            + "): "
                            + output.toString(StandardCharsets.UTF_8));
        }
        log.info("Formatted new Kafka data directory with cluster id {}", clusterId);
    }

    private static Properties loadPorts(Path dataDir) throws IOException {
        Properties ports = new Properties();
        Path file = dataDir.resolve(PORTS_FILE);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                ports.load(in);
            }
        }
        return ports;
    }

    private static void storePorts(Path dataDir, Properties ports) throws IOException {
        try (OutputStream out = Files.newOutputStream(dataDir.resolve(PORTS_FILE))) {
            ports.store(out, "ports of the embedded Kafka broker, kept across restarts");
        }
    }

    private static int intOr(Properties props, String key, int fallback) {
        String value = props.getProperty(key);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }

    /** Asks the OS for a free loopback port; used only when none was configured or remembered. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
