package io.medvie.extractor.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The extractor's metrics, in Prometheus format at {@code /metrics}: reports processed by status,
 * per-stage latency histograms, routed ratio, DLQ count, model version in use; consumer lag comes
 * from the Kafka client metrics bound by the service.
 */
public final class ExtractorMetrics extends MetricsEndpoint {
    private final Counter autoAccepted;
    private final Counter needsReview;
    private final Counter dlq;
    private final Counter batchRetries;
    private final Timer batch;
    private final Map<String, Timer> stages = new ConcurrentHashMap<>();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong routed = new AtomicLong();
    private final AtomicReference<String> modelVersion = new AtomicReference<>("none");

    public ExtractorMetrics() {
        autoAccepted =
                Counter.builder("medvie.extractor.reports")
                        .tag("status", "AUTO_ACCEPTED")
                        .description("Reports extracted")
                        .register(registry);
        needsReview =
                Counter.builder("medvie.extractor.reports")
                        .tag("status", "NEEDS_REVIEW")
                        .register(registry);
        dlq =
                Counter.builder("medvie.extractor.dlq")
                        .description("Reports sent to the dead-letter topic")
                        .register(registry);
        batchRetries =
                Counter.builder("medvie.extractor.batch.retries")
                        .description("Batches aborted and retried after a transient failure")
                        .register(registry);
        batch =
                Timer.builder("medvie.extractor.batch")
                        .publishPercentileHistogram()
                        .register(registry);
        Gauge.builder("medvie.extractor.routed.ratio", this, m -> m.routedRatio())
                .description("Share of extracted reports routed to review since start")
                .register(registry);
    }

    public void extracted(boolean routedToReview, Map<String, Long> timingsMs) {
        processed.incrementAndGet();
        if (routedToReview) {
            routed.incrementAndGet();
            needsReview.increment();
        } else {
            autoAccepted.increment();
        }
        timingsMs.forEach(
                (stage, ms) ->
                        stages.computeIfAbsent(
                                        stage,
                                        s ->
                                                Timer.builder("medvie.extractor.stage")
                                                        .tag("stage", s)
                                                        .publishPercentileHistogram()
                                                        .register(registry))
                                .record(Duration.ofMillis(ms)));
    }

    public void deadLettered() {
        dlq.increment();
    }

    public void batchRetried() {
        batchRetries.increment();
    }

    public void batchDone(Duration took) {
        batch.record(took);
    }

    /** Records the model version in use, as a label of {@code medvie_extractor_model}. */
    public void modelInUse(String version) {
        String old = modelVersion.getAndSet(version);
        if (!version.equals(old)) {
            registry.find("medvie.extractor.model")
                    .tag("version", old)
                    .meters()
                    .forEach(registry::remove);
            Gauge.builder("medvie.extractor.model", () -> 1)
                    .tag("version", version)
                    .description("The model version in use (value 1, version in the label)")
                    .register(registry);
        }
    }

    public double routedRatio() {
        long n = processed.get();
        return n == 0 ? 0 : routed.get() / (double) n;
    }

    public long processedCount() {
        return processed.get();
    }
}
