package io.medvie.ingest;

import io.medvie.schemas.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The ingest service as its own process (production): settings from an optional properties file
 * given as the only argument, overlaid by environment variables. Wiring only.
 */
public final class IngestApp {
    private IngestApp() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.of(properties(args), System.getenv());
        IngestService service = IngestService.start(IngestConfig.from(settings));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    service.close();
                                    stopped.countDown();
                                },
                                "ingest-shutdown"));
        stopped.await();
    }

    private static Map<String, String> properties(String[] args) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (args.length == 0) {
            return out;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            props.load(in);
        }
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }
}
