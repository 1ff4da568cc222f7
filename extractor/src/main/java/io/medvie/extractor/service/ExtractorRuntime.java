package io.medvie.extractor.service;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.medvie.blobstore.BlobStore;
import io.medvie.blobstore.BlobStores;
import io.medvie.events.ModelPublished;
import io.medvie.extractor.models.ModelFollower;
import io.medvie.extractor.models.ModelSlot;
import io.medvie.extractor.pipeline.Extraction;
import io.medvie.ocr.OcrPool;
import io.medvie.ocr.PageReader;
import io.medvie.schemas.json.DocumentSchemas;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One extractor: the model slot (the default model until a published one arrives), the model
 * follower, the OCR pool, the metrics endpoint and the consume-extract-produce loop.
 */
public final class ExtractorRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExtractorRuntime.class);

    private final ModelSlot<Extraction> slot;
    private final ModelFollower<Extraction> follower;
    private final OcrPool pool;
    private final ExtractorMetrics metrics;
    private final ExtractorService service;
    private final int metricsPort;

    private ExtractorRuntime(
            ModelSlot<Extraction> slot,
            ModelFollower<Extraction> follower,
            OcrPool pool,
            ExtractorMetrics metrics,
            ExtractorService service,
            int metricsPort) {
        this.slot = slot;
        this.follower = follower;
        this.pool = pool;
        this.metrics = metrics;
        this.service = service;
        this.metricsPort = metricsPort;
    }

    public static ExtractorRuntime start(ExtractorConfig config)
            throws IOException, InterruptedException {
        Device device = device(config.device());
        BlobStore blobs = BlobStores.open(config.blobs());
        ExtractorMetrics metrics = new ExtractorMetrics();
        ModelSlot<Extraction> slot = new ModelSlot<>(metrics::modelInUse);
        Extraction defaultModel = Extraction.withDefaultModel(device);
        slot.swap(defaultModel, defaultModel.manifest().version());
        ModelFollower<Extraction> follower =
                new ModelFollower<>(
                        config.kafka(),
                        config.registryUrl(),
                        DocumentSchemas.LAB_REPORT,
                        blobs,
                        new ModelFollower.Loader<>() {
                            @Override
                            public Extraction load(byte[] artifact, ModelPublished event) {
                                Extraction e = Extraction.of(artifact, device);
                                if (!e.manifest().version().equals(event.getVersion())) {
                                    e.close();
                                    throw new IllegalArgumentException(
                                            "artifact says version "
                                                    + e.manifest().version()
                                                    + ", the event "
                                                    + event.getVersion());
                                }
                                return e;
                            }

                            @Override
                            public void warmUp(Extraction model) {
                                warm(model);
                            }
                        },
                        slot);
        follower.awaitCaughtUp(Duration.ofSeconds(60));
        OcrPool pool = new OcrPool();
        ExtractorService service =
                new ExtractorService(
                                config,
                                new PipelineReportExtractor(pool, new PageReader(), slot),
                                blobs,
                                metrics,
                                Clock.systemUTC())
                        .start();
        int port =
                config.metricsPort() >= 0
                        ? metrics.serve(config.metricsHost(), config.metricsPort())
                        : -1;
        log.info(
                "Extractor {} started with model {} on {}, {} OCR threads{}",
                config.instanceId(),
                slot.version(),
                device,
                pool.size(),
                port > 0
                        ? ", metrics on http://" + config.metricsHost() + ":" + port + "/metrics"
                        : "");
        return new ExtractorRuntime(slot, follower, pool, metrics, service, port);
    }

    /**
     * The configured device; a GPU that the PyTorch native library cannot see (the CPU build, or no
     * driver) fails the start instead of silently running on the CPU.
     */
    static Device device(String name) {
        if (name.equals("cpu")) {
            return Device.cpu();
        }
        int id = name.contains(":") ? Integer.parseInt(name.substring(name.indexOf(':') + 1)) : 0;
        int gpus = Engine.getInstance().getGpuCount();
        if (id >= gpus) {
            throw new IllegalStateException(
                    "Setting medvie.extractor.device is '"
                            + name
                            + "' but PyTorch sees "
                            + gpus
                            + " GPU(s): use the CUDA build of pytorch-native and a GPU runtime");
        }
        return Device.gpu(id);
    }

    /** Runs the model once on an empty page so lazy native initialisation happens now. */
    static void warm(Extraction model) {
        try (var predictor = model.tagger().newPredictor()) {
            predictor.predict(java.util.List.of());
        }
    }

    public ExtractorService service() {
        return service;
    }

    public ExtractorMetrics metrics() {
        return metrics;
    }

    public String modelVersion() {
        return slot.version();
    }

    public int metricsPort() {
        return metricsPort;
    }

    @Override
    public void close() {
        service.close();
        follower.close();
        pool.close();
        slot.close();
        metrics.close();
    }
}
