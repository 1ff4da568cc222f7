package io.medvie.ingest;

import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The ingest service as its own process (production): settings from an optional properties file
 * given as the only argument, overlaid by environment variables. Wiring only.
 */
public final class IngestApp {
    private IngestApp() {}

    public static void main(String[] args) throws Exception {
        Settings settings =
                Settings.of(
                        Settings.readProperties(args.length == 0 ? null : Path.of(args[0])),
                        System.getenv());
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
}
