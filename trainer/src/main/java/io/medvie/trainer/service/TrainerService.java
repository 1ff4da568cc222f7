package io.medvie.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.blobstore.BlobNotFoundException;
import io.medvie.events.VerifiedSample;
import io.medvie.extractor.service.Retry;
import io.medvie.ocr.Page;
import io.medvie.ocr.PageReadException;
import io.medvie.schemas.Topics;
import io.medvie.schemas.dlq.DeadLetters;
import io.medvie.schemas.kafka.TransactionalLoop;
import io.medvie.schemas.kafka.TransactionalLoop.TransientFailure;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes verified samples from {@code medvie.verified-samples} (read committed) into the pool: each
 * sample's report is read (OCR cached per blob) and labelled from its verified document, added to
 * the pool file (synced), and only then its offset committed, in one transaction with the dead
 * letters of the batch.
 *
 * <p>Failures, each handled in one place:
 *
 * <ul>
 *   <li>bad sample (undecodable event, missing or over-size blob, unreadable document, verified
 *       document not valid or not found among the words): to {@code medvie.dlq.trainer} with its
 *       original bytes and {@code dlq.*} headers, and the stream goes on;
 *   <li>transient (blob store, registry, broker): the transaction is aborted, the consumer rewound
 *       to the batch, and the batch retried after a pause; samples already pooled are replaced by
 *       the same (the pool is keyed by report id);
 *   <li>fatal (fenced, authorization, misconfiguration): the loop stops and the process should exit
 *       non-zero.
 * </ul>
 */
final class TrainerService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrainerService.class);

    private final TrainerConfig config;
    private final SampleReader reader;
    private final SamplePool pool;
    private final TrainerMetrics metrics;
    private final Clock clock;
    private final TransactionalLoop loop;
    private boolean rebuildChecked; // the loop's thread alone
    private final AvroDeserializer<VerifiedSample> samples = new AvroDeserializer<>();
    private final Retry blobRetry = new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(5));

    TrainerService(
            TrainerConfig config,
            SampleReader reader,
            SamplePool pool,
            TrainerMetrics metrics,
            Clock clock) {
        this.config = config;
        this.reader = reader;
        this.pool = pool;
        this.metrics = metrics;
        this.clock = clock;

        Map<String, Object> serde = new HashMap<>(config.kafka());
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.registryUrl());
        serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        samples.configure(serde, false);

        this.loop =
                new TransactionalLoop(
                        new TransactionalLoop.Settings(
                                config.kafka(),
                                Topics.VERIFIED_SAMPLES,
                                config.groupId(),
                                config.instanceId(),
                                config.maxPollRecords(),
                                config.maxPollInterval(),
                                Duration.ofSeconds(1)),
                        Map.of());
    }

    TrainerService start() {
        loop.start(
                "trainer-" + config.instanceId(),
                new TransactionalLoop.Stage() {
                    @Override
                    public void process(ConsumerRecords<byte[], byte[]> records)
                            throws TransientFailure, InterruptedException {
                        processBatch(records);
                    }

                    @Override
                    public void assigned(
                            Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                        rebuildNewPool(consumer, partitions);
                    }
                });
        return this;
    }

    /**
     * A new pool file (a new host, a lost data directory) on partitions the group has read before:
     * reads them from the beginning, once, so the pool and held-out set are rebuilt from every
     * verified sample the topic keeps (forever). Pooling is keyed by report id, so nothing is
     * pooled twice; a rebuild cut short by a crash goes on from its committed offsets at the next
     * start.
     */
    private void rebuildNewPool(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!pool.created() || rebuildChecked) {
            return;
        }
        rebuildChecked = true;
        // Whatever the group committed: a new pool wants every sample. (Without commits the
        // earliest offset is where the consumer starts anyway; asking the coordinator for them
        // could only add a way to fail.)
        log.info(
                "New sample pool: reading {} partitions of {} from the beginning",
                partitions.size(),
                Topics.VERIFIED_SAMPLES);
        consumer.seekToBeginning(partitions);
    }

    Throwable failure() {
        return loop.failure();
    }

    boolean isRunning() {
        return loop.isRunning();
    }

    /** What became of one record: a sample to pool, a reason to dead-letter it, or nothing. */
    private record Slot(
            ConsumerRecord<byte[], byte[]> record,
            VerifiedSample sample,
            JsonNode document,
            CompletableFuture<List<Page>> pages,
            Exception bad) {}

    private void processBatch(ConsumerRecords<byte[], byte[]> records)
            throws TransientFailure, InterruptedException {
        // 1. Decode, check and start reading every sample's pages on the OCR pool.
        List<Slot> slots = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            slots.add(prepare(record));
        }
        // 2. Label, and pool the good ones (durably) before anything is committed.
        Map<String, SamplePool.Sample> good = new LinkedHashMap<>();
        List<Slot> bad = new ArrayList<>();
        for (Slot s : slots) {
            if (s.bad() != null) {
                bad.add(s);
                continue;
            }
            if (s.sample() == null) {
                continue; // another doc type: not ours
            }
            try {
                List<Page> pages = s.pages().get();
                SamplePool.Sample sample =
                        reader.label(
                                s.sample().getReportId(),
                                s.sample().getBlobUri(),
                                s.sample().getMediaType(),
                                s.document(),
                                pages);
                good.put(sample.reportId(), sample);
            } catch (ExecutionException e) {
                Throwable cause =
                        e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
                if (cause instanceof PageReadException unreadable) {
                    bad.add(withBad(s, unreadable));
                } else {
                    throw new TransientFailure("reading the pages failed", cause);
                }
            } catch (SampleReader.BadSample e) {
                bad.add(withBad(s, e));
            }
        }
        try {
            pool.addAll(good.values());
        } catch (IOException e) {
            throw new TransientFailure("the pool file could not be written", e);
        }
        // 3. Dead letters and offsets in one transaction.
        loop.commit(
                records,
                producer -> {
                    for (Slot s : bad) {
                        producer.send(
                                DeadLetters.of(
                                        Topics.Stage.TRAINER,
                                        s.record(),
                                        s.bad(),
                                        clock.instant()));
                    }
                });
        metrics.sampled(good.size());
        for (Slot s : bad) {
            metrics.deadLettered();
            log.warn(
                    "Sample {}-{}@{} sent to {}: {}: {}",
                    s.record().topic(),
                    s.record().partition(),
                    s.record().offset(),
                    Topics.DLQ_TRAINER,
                    s.bad().getClass().getSimpleName(),
                    s.bad().getMessage());
        }
        List<SamplePool.Sample> train = pool.train();
        metrics.pool(train.size(), pool.size() - train.size());
        if (!good.isEmpty()) {
            log.info(
                    "{} samples pooled ({} held out); pool now {} training, {} held out",
                    good.size(),
                    good.values().stream().filter(SamplePool.Sample::heldOut).count(),
                    train.size(),
                    pool.size() - train.size());
        }
    }

    private static Slot withBad(Slot s, Exception e) {
        return new Slot(s.record(), s.sample(), s.document(), null, e);
    }

    private Slot prepare(ConsumerRecord<byte[], byte[]> record)
            throws TransientFailure, InterruptedException {
        VerifiedSample sample;
        try {
            sample = samples.deserialize(record.topic(), record.value());
        } catch (KafkaException e) {
            if (TransactionalLoop.isRegistryOutage(e)) {
                throw new TransientFailure("the schema registry is unavailable", e);
            }
            return new Slot(record, null, null, null, e);
        }
        if (sample == null) {
            return new Slot(
                    record, null, null, null, new IllegalArgumentException("empty record value"));
        }
        if (!config.modelName().equals(sample.getDocType())) {
            log.info(
                    "Sample of report {} is a {}, not a {}: skipped",
                    sample.getReportId(),
                    sample.getDocType(),
                    config.modelName());
            return new Slot(record, null, null, null, null);
        }
        try {
            JsonNode doc =
                    reader.verifiedDocument(sample.getDocType(), sample.getVerifiedDocument());
            CompletableFuture<List<Page>> pages =
                    blobRetry.call(
                            "reading the blob of " + sample.getReportId(),
                            () -> reader.pages(sample.getBlobUri(), sample.getMediaType()),
                            e -> e instanceof IOException && !(e instanceof BlobNotFoundException));
            return new Slot(record, sample, doc, pages, null);
        } catch (BlobNotFoundException | SampleReader.BadSample e) {
            return new Slot(record, sample, null, null, e);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new TransientFailure("the blob store is unavailable", e);
        }
    }

    /** Finishes the batch in hand, then stops. */
    @Override
    public void close() {
        loop.close();
    }
}
