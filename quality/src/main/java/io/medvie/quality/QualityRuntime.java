package io.medvie.quality;

import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running quality app: {@link QualityTopology} with registry serdes, exactly once. The topics it
 * reads and writes are created first when missing, since Kafka Streams stops on a missing source.
 */
public final class QualityRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QualityRuntime.class);

    private final KafkaStreams streams;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private QualityRuntime(QualityConfig config) {
        this.streams =
                new KafkaStreams(
                        QualityTopology.build(
                                QualitySerdes.registry(
                                        Map.of(
                                                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                                                config.registryUrl()))),
                        streamsProperties(config));
        streams.setUncaughtExceptionHandler(
                e -> {
                    // Kafka Streams retries what is transient itself; what reaches here is not:
                    // stop loudly, so that a supervisor restarts the process.
                    log.error("Quality app stopping on a fatal error", e);
                    failure.compareAndSet(null, e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
        streams.setStateListener(
                (now, before) -> {
                    log.info("Quality app {} -> {}", before, now);
                    if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                        stopped.countDown();
                    }
                });
    }

    /** Creates missing topics, starts the app and returns without waiting for it to run. */
    public static QualityRuntime start(QualityConfig config) throws InterruptedException {
        List<Topics.TopicSpec> specs = new ArrayList<>();
        Set<String> used = Set.of(Topics.EXTRACTIONS, Topics.VERIFIED_SAMPLES, Topics.QUALITY);
        for (Topics.TopicSpec spec : Topics.ALL) {
            if (used.contains(spec.name())) {
                specs.add(spec);
            }
        }
        specs.add(new Topics.TopicSpec(config.dlqTopic(), 1, Map.of()));
        TopicSetup.ensure(config.kafka(), specs, config.replicationFactor());
        QualityRuntime runtime = new QualityRuntime(config);
        runtime.streams.start();
        log.info("Quality app {} started", config.applicationId());
        return runtime;
    }

    /** The Kafka Streams settings: every {@code kafka.*} setting, then the app's own. */
    public static Properties streamsProperties(QualityConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafka());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        // An event that cannot be decoded goes to the dead-letter topic (Kafka Streams' own
        // headers) and the counts go on without it.
        p.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.dlqTopic());
        return p;
    }

    /** Waits until the app processes (all its tasks assigned and restored). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State s = streams.state();
            if (s == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (!s.isRunningOrRebalancing() && s != KafkaStreams.State.CREATED) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Blocks until the app has stopped, by {@link #close()} or a fatal error. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Waits up to {@code timeout} for the app to stop; true when it has. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The error that stopped the app, or null. */
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        // Leave the group: a restarted instance then gets the partitions at once instead of after
        // the old member's session timeout (45 s).
        streams.close(
                CloseOptions.timeout(Duration.ofSeconds(30))
                        .withGroupMembershipOperation(
                                CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        stopped.countDown();
    }
}
