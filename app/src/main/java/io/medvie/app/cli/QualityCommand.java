package io.medvie.app.cli;

import io.medvie.quality.QualityConfig;
import io.medvie.quality.QualityRuntime;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.quality.QualityView;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code medvie quality}: the live-quality Kafka Streams app against the running embedded platform
 * (or any cluster given by {@code --bootstrap-servers} and {@code --registry}); with {@code
 * --show}, prints the latest counts of medvie.quality instead.
 */
@Command(
        name = "quality",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the live-quality app: medvie.extractions joined with",
            "medvie.verified-samples, counted per model version and field onto",
            "medvie.quality. With --show, prints the table instead: auto-accepted",
            "fields checked by the audit draw and how many were right, reviewed",
            "fields and how many reviewers corrected (docs/quality.md)."
        })
public final class QualityCommand implements Callable<Integer> {
    @Mixin DataDir data;

    @Option(names = "--show", description = "Print the latest counts and exit.")
    boolean show;

    @Option(
            names = "--bootstrap-servers",
            description = "Kafka bootstrap servers (default: the running platform's).")
    String bootstrap;

    @Option(names = "--registry", description = "Schema registry URL (default: the platform's).")
    String registry;

    @Option(
            names = "--replication-factor",
            defaultValue = "1",
            description = "Of the app's internal topics (default: ${DEFAULT-VALUE}, one broker).")
    int replicationFactor;

    @Override
    public Integer call() throws Exception {
        Properties platform =
                bootstrap == null || registry == null ? RunningPlatform.read(data.path()) : null;
        String kafka =
                bootstrap != null ? bootstrap : platform.getProperty("kafka.bootstrap.servers");
        String registryUrl =
                registry != null ? registry : platform.getProperty("schema.registry.url");
        if (show) {
            List<QualityView.Row> rows =
                    QualityView.read(
                            Map.of("bootstrap.servers", kafka),
                            registryUrl,
                            Duration.ofSeconds(30));
            if (rows.isEmpty()) {
                System.out.println(
                        "No quality counts yet: they appear once a routed report is verified and"
                                + " the quality app runs (medvie quality).");
            } else {
                System.out.print(QualityView.table(rows));
            }
            return 0;
        }
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", kafka);
        props.put("schema.registry.url", registryUrl);
        props.put("medvie.quality.replication.factor", Integer.toString(replicationFactor));
        props.put("medvie.quality.state.dir", data.path().resolve("quality").toString());
        QualityRuntime runtime =
                QualityRuntime.start(QualityConfig.from(Settings.of(props, System.getenv())));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "quality-shutdown"));
        System.out.println(
                "Quality app running: counts on medvie.quality; see them with medvie quality"
                        + " --show");
        runtime.awaitStop();
        if (runtime.failure() != null) {
            throw new IllegalStateException("the quality app stopped", runtime.failure());
        }
        return 0;
    }
}
