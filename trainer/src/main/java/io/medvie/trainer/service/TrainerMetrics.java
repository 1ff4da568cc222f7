package io.medvie.trainer.service;

import io.medvie.extractor.service.MetricsEndpoint;
import io.medvie.trainer.rl.StepMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The trainer's metrics, in Prometheus format at {@code /metrics}: the last GRPO step (reward mean
 * and std, share of zero-std groups, KL, entropy, clip ratio, gradient norm, learning rate, step),
 * pool sizes, samples taken and dead-lettered, rounds, gate decisions and published models.
 */
public final class TrainerMetrics extends MetricsEndpoint {
    private final AtomicReference<StepMetrics> last = new AtomicReference<>();
    private final Counter samples;
    private final Counter dlq;
    private final Counter rounds;
    private final Counter published;
    private final Counter gatePublish;
    private final Counter gateRefuse;
    private volatile int trainPool;
    private volatile int heldOutPool;

    public TrainerMetrics() {
        step(
                "reward.mean",
                "Mean reward of the last step's sampled labelings",
                StepMetrics::rewardMean);
        step("reward.std", "Mean within-group reward std of the last step", StepMetrics::rewardStd);
        step(
                "frac.zero.std",
                "Share of groups whose rewards were all equal",
                StepMetrics::fracZeroStd);
        step("kl", "KL to the reference policy", StepMetrics::kl);
        step("entropy", "Mean token entropy of the policy", StepMetrics::entropy);
        step("clip.ratio", "Share of tokens whose ratio was clipped", StepMetrics::clipRatio);
        step("grad.norm", "Global gradient norm before clipping", StepMetrics::gradNorm);
        step("learning.rate", "Learning rate", StepMetrics::learningRate);
        step("loss", "GRPO loss", StepMetrics::loss);
        step("step", "Step of the round in progress", StepMetrics::step);
        Gauge.builder("medvie.trainer.pool.samples", this, m -> m.trainPool)
                .tag("split", "train")
                .description("Verified samples in the pool")
                .register(registry);
        Gauge.builder("medvie.trainer.pool.samples", this, m -> m.heldOutPool)
                .tag("split", "heldout")
                .register(registry);
        samples =
                Counter.builder("medvie.trainer.samples")
                        .description("Verified samples taken into the pool")
                        .register(registry);
        dlq =
                Counter.builder("medvie.trainer.dlq")
                        .description("Verified samples sent to the dead-letter topic")
                        .register(registry);
        rounds =
                Counter.builder("medvie.trainer.rounds")
                        .description("Training rounds finished")
                        .register(registry);
        published =
                Counter.builder("medvie.trainer.published")
                        .description("Models published")
                        .register(registry);
        gatePublish =
                Counter.builder("medvie.trainer.gate.decisions")
                        .tag("decision", "publish")
                        .description("Gate decisions")
                        .register(registry);
        gateRefuse =
                Counter.builder("medvie.trainer.gate.decisions")
                        .tag("decision", "refuse")
                        .register(registry);
    }

    private void step(String name, String description, ToDoubleFunction<StepMetrics> f) {
        Gauge.builder(
                        "medvie.trainer.grpo." + name,
                        last,
                        r -> r.get() == null ? Double.NaN : f.applyAsDouble(r.get()))
                .description(description)
                .register(registry);
    }

    void stepped(StepMetrics m) {
        last.set(m);
    }

    void pool(int train, int heldOut) {
        trainPool = train;
        heldOutPool = heldOut;
    }

    void sampled(int n) {
        samples.increment(n);
    }

    void deadLettered() {
        dlq.increment();
    }

    void roundDone(Gate.Decision decision, boolean sent) {
        rounds.increment();
        (decision.publish() ? gatePublish : gateRefuse).increment();
        if (sent) {
            published.increment();
        }
    }

    /** Verified samples this process has taken: pooled or dead-lettered. */
    public long samplesTaken() {
        return Math.round(samples.count() + dlq.count());
    }

    public double publishedCount() {
        return published.count();
    }

    public double refusedCount() {
        return gateRefuse.count();
    }
}
