package io.medvie.quality;

import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the quality app (each also an environment variable, see {@link Settings}).
 *
 * @param applicationId Kafka Streams application id ({@code medvie.quality.application.id}, default
 *     {@code medvie-quality}): consumer group, prefix of internal topics and transactional ids;
 *     instances with the same id share the work
 * @param kafka every {@code kafka.*} setting, TLS and SASL included; {@code bootstrap.servers}
 *     required
 * @param registryUrl schema registry ({@code schema.registry.url})
 * @param replicationFactor of the app's internal topics and of the topics it creates when missing
 *     ({@code medvie.quality.replication.factor}, default -1: the broker's default; 1 on the
 *     embedded broker)
 * @param stateDir local state ({@code medvie.quality.state.dir}, default {@code data/quality}),
 *     rebuilt from the changelogs when lost
 * @param commitInterval how often counts are committed and published ({@code
 *     medvie.quality.commit.interval.ms}, default 1000): the delay an operator sees
 * @param dlqTopic where undecodable input records go ({@code medvie.quality.dlq.topic}, default
 *     {@code medvie.dlq.quality})
 */
public record QualityConfig(
        String applicationId,
        Map<String, Object> kafka,
        String registryUrl,
        short replicationFactor,
        Path stateDir,
        Duration commitInterval,
        String dlqTopic) {

    public static QualityConfig from(Settings s) {
        Map<String, Object> kafka = s.kafkaClientProps();
        if (!kafka.containsKey("bootstrap.servers")) {
            s.required("kafka.bootstrap.servers");
        }
        int replication = s.integer("medvie.quality.replication.factor", -1, -1, Short.MAX_VALUE);
        if (replication == 0) {
            throw new IllegalArgumentException(
                    "Setting medvie.quality.replication.factor is '0', expected -1 (the broker's"
                            + " default) or at least 1");
        }
        Duration commit = s.millis("medvie.quality.commit.interval.ms", Duration.ofSeconds(1));
        if (commit.isNegative() || commit.isZero()) {
            throw new IllegalArgumentException(
                    "Setting medvie.quality.commit.interval.ms is '"
                            + commit.toMillis()
                            + "', expected a positive number of milliseconds");
        }
        return new QualityConfig(
                s.string("medvie.quality.application.id", "medvie-quality"),
                kafka,
                s.required("schema.registry.url"),
                (short) replication,
                s.path("medvie.quality.state.dir", Path.of("data", "quality")),
                commit,
                s.string("medvie.quality.dlq.topic", Topics.DLQ_PREFIX + "quality"));
    }
}
