package io.medvie.trainer.service;

import io.medvie.blobstore.BlobStore;
import io.medvie.blobstore.BlobStores;
import io.medvie.events.ModelPublished;
import io.medvie.extractor.models.ModelFollower;
import io.medvie.extractor.models.ModelSlot;
import io.medvie.model.dataset.Labeler;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TagSet;
import io.medvie.ocr.OcrPool;
import io.medvie.ocr.PageReader;
import io.medvie.ocr.TesseractOcr;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trainer: the live model (followed on {@code medvie.models} like the extractor follows it),
 * the pool restored from the data dir, the sample consumer, the rounds and the metrics endpoint.
 */
public final class TrainerRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrainerRuntime.class);

    private final TrainerConfig config;
    private final ModelSlot<LiveModel> live;
    private final ModelFollower<LiveModel> follower;
    private final OcrPool ocr;
    private final ModelsTopic models;
    private final TrainerMetrics metrics;
    private final TrainerService service;
    private final Rounds rounds;
    private final int metricsPort;

    private TrainerRuntime(
            TrainerConfig config,
            ModelSlot<LiveModel> live,
            ModelFollower<LiveModel> follower,
            OcrPool ocr,
            ModelsTopic models,
            TrainerMetrics metrics,
            TrainerService service,
            Rounds rounds,
            int metricsPort) {
        this.config = config;
        this.live = live;
        this.follower = follower;
        this.ocr = ocr;
        this.models = models;
        this.metrics = metrics;
        this.service = service;
        this.rounds = rounds;
        this.metricsPort = metricsPort;
    }

    public static TrainerRuntime start(TrainerConfig config) throws Exception {
        Files.createDirectories(config.dataDir());
        BlobStore blobs = BlobStores.open(config.blobs());
        TrainerMetrics metrics = new TrainerMetrics();
        ModelSlot<LiveModel> live = new ModelSlot<>();
        LiveModel shipped = LiveModel.shipped();
        live.swap(shipped, shipped.version());
        ModelFollower<LiveModel> follower =
                new ModelFollower<>(
                        config.kafka(),
                        config.registryUrl(),
                        config.modelName(),
                        blobs,
                        new ModelFollower.Loader<>() {
                            @Override
                            public LiveModel load(byte[] artifact, ModelPublished event) {
                                return LiveModel.published(artifact, event);
                            }

                            @Override
                            public void warmUp(LiveModel model) {}
                        },
                        live);
        if (!follower.awaitCaughtUp(Duration.ofSeconds(60))) {
            log.warn(
                    "medvie.models not read to its end within 60 s; starting from {}",
                    live.version());
        }
        OcrPool ocr = new OcrPool(config.ocrThreads(), TesseractOcr::create);
        Decoder decoder = new Decoder();
        SampleReader reader =
                new SampleReader(
                        blobs,
                        new PageCache(config.dataDir().resolve("ocr")),
                        ocr,
                        new PageReader(),
                        new Labeler(TagSet.LAB_REPORT, decoder),
                        config.split(),
                        config.maxReportBytes());
        SamplePool pool =
                SamplePool.open(config.dataDir().resolve("pool.jsonl"), reader::restore, log);
        metrics.pool(pool.train().size(), pool.heldOut().size());
        ModelsTopic models =
                new ModelsTopic(config.kafka(), config.registryUrl(), config.instanceId());
        Clock clock = Clock.systemUTC();
        TrainerService service = new TrainerService(config, reader, pool, metrics, clock).start();
        Rounds rounds = new Rounds(config, pool, live, blobs, models, metrics, clock).start();
        int port =
                config.metricsPort() >= 0
                        ? metrics.serve(config.metricsHost(), config.metricsPort())
                        : -1;
        log.info(
                "Trainer {} started: live model {}, pool {} training / {} held out, data in {}{}",
                config.instanceId(),
                live.version(),
                pool.train().size(),
                pool.heldOut().size(),
                config.dataDir(),
                port > 0
                        ? ", metrics on http://" + config.metricsHost() + ":" + port + "/metrics"
                        : "");
        return new TrainerRuntime(
                config, live, follower, ocr, models, metrics, service, rounds, port);
    }

    /** True while both the sample consumer and the rounds run. */
    public boolean isRunning() {
        return service.isRunning() && rounds.isRunning();
    }

    /** The fatal failure that stopped the consumer or the rounds, if any. */
    public Throwable failure() {
        return service.failure() != null ? service.failure() : rounds.failure();
    }

    /** True while a round trains, is gated or is published. */
    public boolean roundRunning() {
        return rounds.roundRunning();
    }

    /**
     * One line for a progress display, e.g. {@code round 2 step 5/15, pool 30 training (12 new) + 8
     * held out} or {@code round 1 published rl-r1-d6bbec1a, pool ...}.
     */
    public String state() {
        return rounds.state();
    }

    public TrainerMetrics metrics() {
        return metrics;
    }

    public int metricsPort() {
        return metricsPort;
    }

    /** The live model's version, as the trainer sees it. */
    public String liveVersion() {
        return live.version();
    }

    public TrainerConfig config() {
        return config;
    }

    @Override
    public void close() {
        rounds.close();
        service.close();
        follower.close();
        models.close();
        ocr.close();
        live.close();
        metrics.close();
    }
}
