package io.medvie.extractor.models;

import io.medvie.blobstore.BlobStore;
import io.medvie.events.ModelPublished;
import io.medvie.schemas.Topics;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted {@code medvie.models} topic and puts each new version of one model into a
 * {@link ModelSlot}: fetch the artifact from the blob store, check its sha256 against the event,
 * load it (the loader checks the schema version and the parameters' own hash), warm it up, swap. A
 * corrupt or incompatible model is refused and counted; the model in use keeps serving.
 */
public final class ModelFollower<M extends AutoCloseable> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModelFollower.class);

    /** Makes a usable model from an artifact's bytes. */
    public interface Loader<M> {
        /** Loads and checks; throws with a clear reason when the artifact is unusable. */
        M load(byte[] artifact, ModelPublished event) throws Exception;

        /** Runs the model once so the first real batch does not pay for lazy initialisation. */
        void warmUp(M model) throws Exception;
    }

    private final String modelName;
    private final BlobStore blobs;
    private final Loader<M> loader;
    private final ModelSlot<M> slot;
    private final KafkaConsumer<String, ModelPublished> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong refused = new AtomicLong();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;

    public ModelFollower(
            Map<String, Object> kafka,
            String registryUrl,
            String modelName,
            BlobStore blobs,
            Loader<M> loader,
            ModelSlot<M> slot) {
        this.modelName = modelName;
        this.blobs = blobs;
        this.loader = loader;
        this.slot = slot;
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<ModelPublished> values = new AvroDeserializer<>();
        values.configure(props, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        this.thread = new Thread(this::run, "model-follower-" + modelName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Waits until the versions published before start have been considered. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many published versions were refused. */
    public long refusedCount() {
        return refused.get();
    }

    private void run() {
        try {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.MODELS, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ModelPublished latestAtStart = null;
            boolean startup = true;
            while (running.get()) {
                for (ConsumerRecord<String, ModelPublished> r :
                        consumer.poll(Duration.ofMillis(500))) {
                    ModelPublished event = r.value();
                    if (event == null || !modelName.equals(event.getModelName())) {
                        continue;
                    }
                    if (startup) {
                        latestAtStart = event; // only the newest published before start matters
                    } else {
                        consider(event);
                    }
                }
                if (startup && reached(end)) {
                    startup = false;
                    if (latestAtStart != null) {
                        consider(latestAtStart);
                    }
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                log.error("Model follower woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            log.error(
                    "Model follower for {} stopped; the model in use keeps serving", modelName, e);
        } finally {
            caughtUp.countDown();
            consumer.close();
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void consider(ModelPublished event) {
        if (event.getVersion().equals(slot.version())) {
            return;
        }
        try {
            byte[] artifact = blobs.read(event.getBlobUri());
            String sha =
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact));
            if (!sha.equals(event.getSha256())) {
                throw new IllegalArgumentException(
                        "artifact sha256 is " + sha + " but the event says " + event.getSha256());
            }
            M model = loader.load(artifact, event);
            loader.warmUp(model);
            slot.swap(model, event.getVersion());
            log.info("Model {} version {} in use", modelName, event.getVersion());
        } catch (Exception e) {
            refused.incrementAndGet();
            log.error(
                    "Model {} version {} refused, {} keeps serving: {}",
                    modelName,
                    event.getVersion(),
                    slot.version(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
