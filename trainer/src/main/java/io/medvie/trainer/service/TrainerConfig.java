package io.medvie.trainer.service;

import io.medvie.blobstore.BlobStoreConfig;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.json.DocumentSchemas;
import io.medvie.trainer.rl.GrpoConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the trainer service (each also an environment variable, see {@link Settings}); the
 * names follow the extractor's ({@code medvie.extractor.*} there, {@code medvie.trainer.*} here).
 *
 * @param groupId consumer group over {@code medvie.verified-samples} ({@code medvie.trainer.group},
 *     default {@code medvie-trainer})
 * @param instanceId stable name of this process ({@code medvie.trainer.instance.id}): its
 *     transactional id, so a restarted trainer aborts what its previous life left open
 * @param modelName the model trained and published: the one the extractor follows ({@code
 *     lab-report})
 * @param maxPollRecords samples per batch ({@code medvie.trainer.max.poll.records}, default 8)
 * @param maxPollInterval bound on one batch's time ({@code medvie.trainer.max.poll.interval.ms},
 *     default 10 min; OCR of a batch of scans stays far below it)
 * @param maxReportBytes larger blobs go to the DLQ unread ({@code medvie.trainer.max.report.bytes},
 *     default 50 MB)
 * @param blobs the blob store shared with ingest and the extractor ({@code medvie.blob.store},
 *     {@code medvie.blob.dir}, {@code medvie.blob.s3.*}, see {@link BlobStoreConfig})
 * @param dataDir the trainer's own files: pool, OCR cache, rounds, checkpoints ({@code
 *     medvie.trainer.data.dir}, default {@code data/trainer})
 * @param ocrThreads OCR workers ({@code medvie.trainer.ocr.threads}, default the cores)
 * @param metricsHost address the metrics and health endpoint binds ({@code
 *     medvie.trainer.metrics.host}, default 127.0.0.1; 0.0.0.0 in a container, for scraping)
 * @param metricsPort Prometheus endpoint ({@code medvie.trainer.metrics.port}, -1 none, 0 a free
 *     port)
 * @param trigger {@code medvie.trainer.round.min.samples} (default 20) and {@code
 *     medvie.trainer.round.interval.ms} (default 1 h, 0 turns the schedule off)
 * @param split {@code medvie.trainer.heldout.percent} (default 20)
 * @param gate {@code medvie.trainer.gate.margin} (default 0.01) and {@code
 *     medvie.trainer.gate.min.heldout} (default 5)
 * @param checkpointEvery save the policy every this many optimiser steps ({@code
 *     medvie.trainer.checkpoint.every.steps}, default 5)
 * @param rewardA weight of precision in the field reward ({@code medvie.trainer.reward.a}, default
 *     0.5)
 * @param grpo {@code medvie.trainer.grpo.*}: group.size, docs.per.step, epochs, inner.epochs,
 *     learning.rate, clip.low, clip.high, beta, temperature, max.grad.norm, skip.zero.std.groups,
 *     seed (defaults {@link GrpoConfig#DEFAULT})
 * @param kafka every {@code kafka.*} setting, TLS and SASL included
 * @param registryUrl schema registry ({@code schema.registry.url})
 */
public record TrainerConfig(
        String groupId,
        String instanceId,
        String modelName,
        int maxPollRecords,
        Duration maxPollInterval,
        long maxReportBytes,
        BlobStoreConfig blobs,
        Path dataDir,
        int ocrThreads,
        String metricsHost,
        int metricsPort,
        RoundTrigger trigger,
        HeldOutSplit split,
        Gate gate,
        int checkpointEvery,
        double rewardA,
        GrpoConfig grpo,
        Map<String, Object> kafka,
        String registryUrl) {

    public static TrainerConfig from(Settings s) {
        Map<String, Object> kafka = s.kafkaClientProps();
        if (!kafka.containsKey("bootstrap.servers")) {
            s.required("kafka.bootstrap.servers");
        }
        GrpoConfig d = GrpoConfig.DEFAULT;
        String g = "medvie.trainer.grpo.";
        GrpoConfig grpo;
        try {
            grpo =
                    new GrpoConfig(
                            s.integer(g + "group.size", d.groupSize(), 2, 1024),
                            s.integer(g + "docs.per.step", d.docsPerStep(), 1, 4096),
                            s.integer(g + "epochs", d.epochs(), 1, 10_000),
                            s.integer(g + "inner.epochs", d.innerEpochs(), 1, 100),
                            (float) decimal(s, g + "learning.rate", d.learningRate(), 0, 1e6),
                            decimal(s, g + "clip.low", d.clipLow(), 0, 1),
                            decimal(s, g + "clip.high", d.clipHigh(), 0, 100),
                            decimal(s, g + "beta", d.beta(), 0, 1e6),
                            (float) decimal(s, g + "temperature", d.temperature(), 0, 100),
                            decimal(s, g + "max.grad.norm", d.maxGradNorm(), 0, 1e9),
                            s.bool(g + "skip.zero.std.groups", d.skipZeroStdGroups()),
                            0,
                            s.longValue(g + "seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Setting ")) {
                throw e;
            }
            throw new IllegalArgumentException(
                    "Settings " + g + "* do not make a valid GRPO configuration: " + e.getMessage(),
                    e);
        }
        return new TrainerConfig(
                s.string("medvie.trainer.group", "medvie-trainer"),
                s.string("medvie.trainer.instance.id", hostName()),
                DocumentSchemas.LAB_REPORT,
                s.integer("medvie.trainer.max.poll.records", 8, 1, 500),
                s.millis("medvie.trainer.max.poll.interval.ms", Duration.ofMinutes(10)),
                s.longValue(
                        "medvie.trainer.max.report.bytes", 50L * 1024 * 1024, 1, Long.MAX_VALUE),
                BlobStoreConfig.from(s::optional, Path.of("data", "blobs")),
                s.path("medvie.trainer.data.dir", Path.of("data", "trainer")),
                s.integer(
                        "medvie.trainer.ocr.threads",
                        Runtime.getRuntime().availableProcessors(),
                        1,
                        256),
                s.string("medvie.trainer.metrics.host", "127.0.0.1"),
                s.integer("medvie.trainer.metrics.port", -1, -1, 65535),
                new RoundTrigger(
                        s.integer("medvie.trainer.round.min.samples", 20, 1, 1_000_000),
                        s.millis("medvie.trainer.round.interval.ms", Duration.ofHours(1))),
                new HeldOutSplit(s.integer("medvie.trainer.heldout.percent", 20, 0, 100)),
                new Gate(
                        decimal(s, "medvie.trainer.gate.margin", 0.01, 0, 1),
                        s.integer("medvie.trainer.gate.min.heldout", 5, 1, 1_000_000)),
                s.integer("medvie.trainer.checkpoint.every.steps", 5, 1, 1_000_000),
                decimal(s, "medvie.trainer.reward.a", 0.5, 0, 1),
                grpo,
                kafka,
                s.required("schema.registry.url"));
    }

    /** A decimal setting in [min, max]; the error names the setting and its bad value. */
    static double decimal(Settings s, String key, double fallback, double min, double max) {
        Optional<String> raw = s.optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        double v;
        try {
            v = Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            throw bad(key, raw.get(), "a number");
        }
        if (!(v >= min && v <= max)) {
            throw bad(key, raw.get(), "a number from " + min + " to " + max);
        }
        return v;
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(
                "Setting "
                        + key
                        + " (env "
                        + key.toUpperCase(Locale.ROOT).replace('.', '_')
                        + ") is '"
                        + value
                        + "', expected "
                        + expected);
    }

    private static String hostName() {
        try {
            return "trainer-" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "trainer-local";
        }
    }
}
