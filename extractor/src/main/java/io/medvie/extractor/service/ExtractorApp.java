package io.medvie.extractor.service;

import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.util.Map;

/**
 * An extractor as its own process: settings from an optional properties file (the only argument)
 * overlaid by environment variables. Exits 1 when the loop stops on a fatal failure, so that a
 * supervisor restarts it. Wiring only.
 */
public final class ExtractorApp {
    private ExtractorApp() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> props =
                Settings.readProperties(args.length == 0 ? null : Path.of(args[0]));
        ExtractorRuntime runtime =
                ExtractorRuntime.start(ExtractorConfig.from(Settings.of(props, System.getenv())));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "extractor-shutdown"));
        while (runtime.service().isRunning()) {
            Thread.sleep(500);
        }
        Throwable failure = runtime.service().failure();
        if (failure != null) {
            System.err.println("extractor stopped: " + failure);
            runtime.close();
            System.exit(1);
        }
    }
}
