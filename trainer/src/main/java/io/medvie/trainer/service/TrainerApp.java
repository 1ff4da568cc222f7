package io.medvie.trainer.service;

import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The trainer as its own process: settings from an optional properties file (the only argument)
 * overlaid by environment variables. Exits 1 when the consumer or the rounds stop on a fatal
 * failure, so that a supervisor restarts it. Wiring only.
 */
public final class TrainerApp {
    private TrainerApp() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> props =
                Settings.readProperties(args.length == 0 ? null : Path.of(args[0]));
        TrainerRuntime runtime =
                TrainerRuntime.start(TrainerConfig.from(Settings.of(props, System.getenv())));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "trainer-shutdown"));
        while (runtime.isRunning()) {
            Thread.sleep(500);
        }
        Throwable failure = runtime.failure();
        if (failure != null) {
            System.err.println("trainer stopped: " + failure);
            runtime.close();
            System.exit(1);
        }
    }
}
