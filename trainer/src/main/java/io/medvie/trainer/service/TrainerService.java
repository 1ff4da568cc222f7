package io.medvie.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.blobstore.BlobNotFoundException;
import io.medvie.events.VerifiedSample;
import io.medvie.extractor.service.Retry;
import io.medvie.ocr.Page;
import io.medvie.ocr.PageReadException;
import io.medvie.schemas.Topics;
import io.medvie.schemas.dlq.DeadLetters;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AvroDeserializer<VerifiedSample> samples = new AvroDeserializer<>();
    private final Retry blobRetry = new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(5));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread thread;

    /** A failure that the next attempt at the same batch may not see. */
    static final class TransientFailure extends Exception {
        private static final long serialVersionUID = 1L;

        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

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

        Map<String, Object> c = new HashMap<>(config.kafka());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, config.instanceId() + "-consumer");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        c.put(
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) config.maxPollInterval().toMillis());
        this.consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());

        Map<String, Object> p = new HashMap<>(config.kafka());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "medvie-" + config.instanceId());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.instanceId() + "-producer");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    TrainerService start() {
        thread = new Thread(this::run, "trainer-" + config.instanceId());
        thread.start();
        return this;
    }

    Throwable failure() {
        return failure.get();
    }

    boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    private void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.VERIFIED_SAMPLES));
            log.info(
                    "Trainer {} consuming {} in group {}",
                    config.instanceId(),
                    Topics.VERIFIED_SAMPLES,
                    config.groupId());
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    processBatch(records);
                } catch (TransientFailure e) {
                    log.warn(
                            "Batch of {} samples failed and will be retried: {}",
                            records.count(),
                            e.getMessage(),
                            e.getCause());
                    rewind(records);
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure.set(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.set(e);
            log.error("Trainer {} stopped on a fatal failure", config.instanceId(), e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(10));
            } finally {
                producer.close(Duration.ofSeconds(10));
            }
        }
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
        try {
            producer.beginTransaction();
            for (Slot s : bad) {
                producer.send(
                        DeadLetters.of(Topics.Stage.TRAINER, s.record(), s.bad(), clock.instant()));
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException e) {
            if (isFatal(e)) {
                throw e;
            }
            abortQuietly();
            throw new TransientFailure("the transaction could not be committed", e);
        }
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
            if (isRegistryOutage(e)) {
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

    private static boolean isFatal(KafkaException e) {
        return e instanceof ProducerFencedException
                || e instanceof OutOfOrderSequenceException
                || e instanceof AuthorizationException
                || e instanceof AuthenticationException
                || e instanceof UnsupportedVersionException
                || e instanceof InvalidConfigurationException;
    }

    private static boolean isRegistryOutage(KafkaException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
            ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> list = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, records.records(tp).get(0).offset());
            }
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.warn("Aborting the transaction failed too; the broker will time it out", e);
        }
    }

    /** Finishes the batch in hand, then stops. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
