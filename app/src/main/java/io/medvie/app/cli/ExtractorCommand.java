package io.medvie.app.cli;

import io.medvie.extractor.service.ExtractorConfig;
import io.medvie.extractor.service.ExtractorRuntime;
import io.medvie.schemas.config.Settings;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code medvie extractor}: one extractor process of the consumer group, against the running
 * embedded platform (or any cluster given by settings). Start several to share the partitions.
 */
@Command(
        name = "extractor",
        mixinStandardHelpOptions = true,
        description = {
            "Runs an extractor: medvie.reports in, medvie.extractions and review tasks out,",
            "exactly once. Start several (distinct --instance) to share the partitions."
        })
public final class ExtractorCommand implements Callable<Integer> {
    @Mixin DataDir data;

    @Option(
            names = "--instance",
            defaultValue = "extractor-1",
            description = "Stable name of this extractor (its transactional id).")
    String instance;

    @Option(
            names = "--metrics-port",
            defaultValue = "0",
            description = "Prometheus endpoint port (0 = free, -1 = none).")
    int metricsPort;

    @Override
    public Integer call() throws Exception {
        Map<String, String> props = RunningPlatform.serviceSettings(data.path());
        props.put("medvie.extractor.instance.id", instance);
        props.put("medvie.extractor.metrics.port", Integer.toString(metricsPort));
        ExtractorRuntime runtime =
                ExtractorRuntime.start(ExtractorConfig.from(Settings.of(props, System.getenv())));
        System.out.println(
                "Extractor "
                        + instance
                        + " running with model "
                        + runtime.modelVersion()
                        + RunningPlatform.metricsAt(runtime.metricsPort()));
        return RunningPlatform.runUntilStopped(
                "extractor",
                runtime,
                () -> runtime.service().isRunning(),
                () -> runtime.service().failure());
    }
}
