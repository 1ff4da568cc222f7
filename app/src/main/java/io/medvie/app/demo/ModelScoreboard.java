package io.medvie.app.demo;

import ai.djl.Device;
import io.medvie.blobstore.BlobStore;
import io.medvie.events.ModelPublished;
import io.medvie.model.artifact.DefaultModel;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.dataset.DatasetLoader;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.Labeler;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TagSet;
import io.medvie.model.eval.EvalReport;
import io.medvie.model.eval.Evaluator;
import io.medvie.schemas.Topics;
import io.medvie.schemas.kafka.TopicSnapshot;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model version of the demo and its F1 on reports from templates the shipped model never saw:
 * the shipped model first, then each version the trainer publishes on {@code medvie.models},
 * fetched from the blob store and scored on the same evaluation set (words read once, cached).
 */
public final class ModelScoreboard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModelScoreboard.class);

    /**
     * A model version.
     *
     * @param samples verified samples it was trained on (0 for the shipped model)
     * @param gateF1 its held-out F1 at the trainer's gate (NaN for the shipped model)
     * @param unseenF1 its F1 on the evaluation set (NaN until scored)
     */
    public record Version(
            String version, String parent, int samples, double gateF1, double unseenF1) {}

    private final Map<String, Object> kafka;
    private final BlobStore blobs;
    private final Path evalDir;
    private final List<Version> versions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile int evalReports;

    public ModelScoreboard(
            Map<String, Object> kafka, String registryUrl, BlobStore blobs, Path evalDir) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        this.kafka = props;
        this.blobs = blobs;
        this.evalDir = evalDir;
        this.thread = new Thread(this::run, "demo-scoreboard");
        thread.setDaemon(true);
    }

    public ModelScoreboard start() {
        thread.start();
        return this;
    }

    private void run() {
        Decoder decoder = new Decoder();
        List<LabeledDocument> eval;
        try {
            eval =
                    new DatasetLoader(new Labeler(TagSet.LAB_REPORT, decoder))
                            .load(
                                    evalDir,
                                    DatasetLoader.Words.OCR,
                                    DatasetLoader.Labels.TAGS,
                                    1,
                                    line -> {});
            evalReports = eval.size();
            score(DefaultModel.bytes(), null, decoder, eval);
        } catch (Exception e) {
            log.warn("scoreboard: cannot read the evaluation set: {}", e.toString());
            return;
        }
        while (running.get()) {
            try {
                List<ConsumerRecord<String, Object>> records =
                        TopicSnapshot.readAll(
                                kafka,
                                Topics.MODELS,
                                new StringDeserializer(),
                                new AvroDeserializer<>(),
                                Duration.ofSeconds(30));
                for (ConsumerRecord<String, Object> r : records) {
                    if (r.value() instanceof ModelPublished m && !known(m.getVersion())) {
                        score(blobs.read(m.getBlobUri()), m, decoder, eval);
                    }
                }
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.warn("scoreboard: {}", e.toString());
            }
        }
    }

    private void score(
            byte[] artifact, ModelPublished event, Decoder decoder, List<LabeledDocument> eval) {
        try (ModelArtifact.Loaded loaded = ModelArtifact.read(artifact, Device.cpu())) {
            EvalReport report = Evaluator.evaluate(loaded.tagger(), decoder, eval);
            Double gate = event == null ? null : event.getMetrics().get("f1");
            versions.add(
                    new Version(
                            loaded.manifest().version(),
                            loaded.manifest().parent(),
                            event == null ? 0 : event.getSampleIds().size(),
                            gate == null ? Double.NaN : gate,
                            report.f1()));
        }
    }

    private boolean known(String version) {
        return versions.stream().anyMatch(v -> v.version().equals(version));
    }

    /** The versions scored so far, oldest first. */
    public List<Version> versions() {
        return new ArrayList<>(versions);
    }

    /** Reports in the evaluation set (0 until read). */
    public int evalReports() {
        return evalReports;
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
