package io.medvie.app.cli;

import io.medvie.app.platform.EmbeddedPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The addresses a running embedded platform wrote into its data directory. */
final class RunningPlatform {
    private RunningPlatform() {}

    static Properties read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(EmbeddedPlatform.PLATFORM_FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException(
                    "no running platform found ("
                            + file
                            + " is missing): start one with ./medvie platform, or give the"
                            + " addresses as options");
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        return props;
    }

    /** The settings every service run against this platform shares: broker, registry, blobs. */
    static Map<String, String> serviceSettings(Path dataDir) throws IOException {
        Properties platform = read(dataDir);
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", platform.getProperty("kafka.bootstrap.servers"));
        props.put("schema.registry.url", platform.getProperty("schema.registry.url"));
        props.put("medvie.blob.dir", dataDir.resolve("blobs").toString());
        return props;
    }

    /** ", metrics at URL" when the service serves metrics, else nothing. */
    static String metricsAt(int port) {
        return port > 0 ? ", metrics at http://127.0.0.1:" + port + "/metrics" : "";
    }

    /**
     * Keeps a service's command in the foreground until the service stops (Ctrl-C closes it): exits
     * 0 on a clean stop, fails naming the cause on a fatal one.
     */
    static int runUntilStopped(
            String name,
            AutoCloseable service,
            BooleanSupplier isRunning,
            Supplier<Throwable> failure)
            throws InterruptedException {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        service.close();
                                    } catch (Exception e) {
                                        System.err.println(name + ": close failed: " + e);
                                    }
                                },
                                name + "-shutdown"));
        while (isRunning.getAsBoolean()) {
            Thread.sleep(500);
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("the " + name + " stopped", cause);
        }
        return 0;
    }
}
