package io.medvie.app.cli;

import io.medvie.schemas.config.Settings;
import io.medvie.trainer.service.TrainerConfig;
import io.medvie.trainer.service.TrainerRuntime;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code medvie trainer}: the continuous trainer against the running embedded platform (or any
 * cluster given by settings): verified samples in, gated models out on medvie.models.
 */
@Command(
        name = "trainer",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the trainer: medvie.verified-samples in, a GRPO round when enough new samples",
            "arrived, and the model published on medvie.models when it passes the held-out gate.",
            "Settings (medvie.trainer.*) also come from MEDVIE_TRAINER_* variables; see"
                    + " docs/trainer.md."
        })
public final class TrainerCommand implements Callable<Integer> {
    @Mixin DataDir data;

    @Option(
            names = "--instance",
            defaultValue = "trainer-1",
            description = "Stable name of this trainer (its transactional id).")
    String instance;

    @Option(
            names = "--metrics-port",
            defaultValue = "0",
            description = "Prometheus endpoint port (0 = free, -1 = none).")
    int metricsPort;

    @Override
    public Integer call() throws Exception {
        Map<String, String> props = RunningPlatform.serviceSettings(data.path());
        props.put("medvie.trainer.data.dir", data.path().resolve("trainer").toString());
        props.put("medvie.trainer.instance.id", instance);
        props.put("medvie.trainer.metrics.port", Integer.toString(metricsPort));
        TrainerRuntime runtime =
                TrainerRuntime.start(TrainerConfig.from(Settings.of(props, System.getenv())));
        System.out.println(
                "Trainer "
                        + instance
                        + " running, live model "
                        + runtime.liveVersion()
                        + ", data in "
                        + runtime.config().dataDir()
                        + RunningPlatform.metricsAt(runtime.metricsPort()));
        return RunningPlatform.runUntilStopped(
                "trainer", runtime, runtime::isRunning, runtime::failure);
    }
}
