package io.medvie.quality;

import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The quality app as its own process: settings from an optional properties file (the only argument)
 * overlaid by environment variables ({@link QualityConfig}). Exits 1 when the app stops on a fatal
 * error, so that a supervisor restarts it. Wiring only.
 */
public final class QualityApp {
    private QualityApp() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> props =
                Settings.readProperties(args.length == 0 ? null : Path.of(args[0]));
        QualityRuntime runtime =
                QualityRuntime.start(QualityConfig.from(Settings.of(props, System.getenv())));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "quality-shutdown"));
        runtime.awaitStop();
        if (runtime.failure() != null) {
            System.err.println("quality app stopped: " + runtime.failure());
            System.exit(1);
        }
    }
}
