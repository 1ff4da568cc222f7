package io.medvie.app.cli;

import io.medvie.app.platform.EmbeddedPlatform;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvie platform}: broker, registry and ingest in this JVM until Ctrl-C. */
@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the embedded platform (Kafka broker, schema registry, ingest) until Ctrl-C.",
            "All on loopback; prints their addresses so that standard Kafka tools can connect."
        })
public final class PlatformCommand implements Callable<Integer> {
    @Mixin DataDir data;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port (0 = free).")
    int kafkaPort;

    @Option(
            names = "--registry-port",
            defaultValue = "8081",
            description = "Schema registry port (0 = free).")
    int registryPort;

    @Option(names = "--ingest-port", defaultValue = "8080", description = "Ingest port (0 = free).")
    int ingestPort;

    @Option(
            names = "--watch",
            paramLabel = "DIR",
            description = "Watched folder (default: DATA/inbox).")
    Path watch;

    @Override
    public Integer call() throws Exception {
        EmbeddedPlatform platform = start(data.path(), ports(), watch);
        printAddresses(platform, System.out);
        printTryCommands(platform, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    platform.close();
                                    stopped.countDown();
                                },
                                "platform-shutdown"));
        System.out.println("Running. Ctrl-C stops it; the data directory keeps everything.");
        stopped.await();
        return 0;
    }

    EmbeddedPlatform.Ports ports() {
        return new EmbeddedPlatform.Ports(kafkaPort, registryPort, ingestPort);
    }

    static EmbeddedPlatform start(Path dataDir, EmbeddedPlatform.Ports ports, Path watch)
            throws Exception {
        Path watchDir = watch != null ? watch : dataDir.resolve("inbox");
        try {
            return EmbeddedPlatform.start(dataDir, ports, watchDir);
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                throw new IllegalStateException(
                        "a port is already in use (Kafka "
                                + ports.kafka()
                                + ", registry "
                                + ports.registry()
                                + ", ingest "
                                + ports.ingest()
                                + "): stop the other process or pass --kafka-port 0"
                                + " --registry-port 0 --ingest-port 0 for free ports",
                        e);
            }
            throw e;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null
                            && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    static void printAddresses(EmbeddedPlatform platform, PrintStream out) {
        out.println();
        out.println("medvie platform is up");
        out.println("  data directory      " + platform.dataDir().toAbsolutePath());
        out.println("  kafka bootstrap     " + platform.bootstrapServers());
        out.println("  schema registry     " + platform.registryUrl());
        out.println("  ingest              " + platform.ingestUrl() + "/v1/reports");
        if (platform.adminTokenCreated() != null) {
            out.println(
                    "  admin token         " + platform.adminTokenCreated() + "   (shown once)");
        }
        out.println("  submitter token     in " + platform.dataDir().resolve("ingest/cli-token"));
        out.println("  event schemas       " + platform.schemaIds());
        out.println();
    }

    static void printTryCommands(EmbeddedPlatform platform, PrintStream out) {
        out.println("Try, while it runs:");
        out.println("  ./medvie submit --data " + platform.dataDir() + " samples/");
        out.println(
                "  curl -H \"Authorization: Bearer $(cat "
                        + platform.dataDir().resolve("ingest/cli-token")
                        + ")\" --data-binary @samples/lab-report-1.pdf "
                        + platform.ingestUrl()
                        + "/v1/reports");
        out.println(
                "  kafka-console-consumer.sh --bootstrap-server "
                        + platform.bootstrapServers()
                        + " --topic medvie.reports --from-beginning");
        out.println();
    }
}
