package io.medvie.extractor.service;

import io.medvie.blobstore.BlobNotFoundException;
import io.medvie.blobstore.BlobStore;
import io.medvie.events.ExtractionResult;
import io.medvie.events.ReportSubmitted;
import io.medvie.events.ReviewTask;
import io.medvie.extractor.routing.Router;
import io.medvie.extractor.routing.RoutingPolicy;
import io.medvie.schemas.Topics;
import io.medvie.schemas.dlq.DeadLetters;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * Turns every event on {@code medvie.reports} into exactly one event on {@code medvie.extractions}
 * (and, when routed, one on {@code medvie.review-tasks}), in one Kafka transaction with the
 * consumed offsets.
 *
 * <p>Failures, each handled in one place:
 *
 * <ul>
 *   <li>bad record (undecodable event, missing or over-size blob, unreadable document): to {@code
 *       medvie.dlq.extractor} with its original bytes and {@code dlq.*} headers, in the same
 *       transaction, and the stream goes on;
 *   <li>transient (blob store, broker, commit timeouts, rebalance): the transaction is aborted, the
 *       consumer rewound to the batch's first offsets, and the batch retried after a backoff;
 *   <li>fatal (fenced by a newer instance, authorization, misconfiguration): the loop stops, the
 *       failure is kept for {@link #failure()}, and the process should exit non-zero.
 * </ul>
 */
public final class ExtractorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExtractorService.class);

    private final ExtractorConfig config;
    private final ReportExtractor extractor;
    private final BlobStore blobs;
    private final ExtractorMetrics metrics;
    private final Router router;
    private final Clock clock;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AvroDeserializer<ReportSubmitted> reports = new AvroDeserializer<>();
    private final AvroSerializer<SpecificRecord> events = new AvroSerializer<>();
    private final Retry blobRetry = new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(5));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final KafkaClientMetrics consumerMetrics;
    private Thread thread;

    /** A failure that the next attempt at the same batch may not see. */
    static final class TransientFailure extends Exception {
        private static final long serialVersionUID = 1L;

        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ExtractorService(
            ExtractorConfig config,
            ReportExtractor extractor,
            BlobStore blobs,
            ExtractorMetrics metrics,
            Clock clock) {
        this.config = config;
        this.extractor = extractor;
        this.blobs = blobs;
        this.metrics = metrics;
        this.clock = clock;
        this.router = new Router(config.routing(), RoutingPolicy.labReportDefaults());

        Map<String, Object> serde = new HashMap<>(config.kafka());
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.registryUrl());
        serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        reports.configure(serde, false);
        events.configure(serde, false);

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
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(metrics.registry());
    }

    /** Starts the loop on its own thread. */
    public ExtractorService start() {
        thread = new Thread(this::run, "extractor-" + config.instanceId());
        thread.start();
        return this;
    }

    /** The fatal failure that stopped the loop, if any. */
    public Throwable failure() {
        return failure.get();
    }

    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    private void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.REPORTS));
            log.info(
                    "Extractor {} consuming {} in group {}",
                    config.instanceId(),
                    Topics.REPORTS,
                    config.groupId());
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    processBatch(records);
                } catch (TransientFailure e) {
                    metrics.batchRetried();
                    log.warn(
                            "Batch of {} reports failed and will be retried: {}",
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
            log.error("Extractor {} stopped on a fatal failure", config.instanceId(), e);
        } finally {
            closeClients();
        }
    }

    private void processBatch(ConsumerRecords<byte[], byte[]> records)
            throws TransientFailure, InterruptedException {
        long started = System.nanoTime();
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        records.forEach(all::add);

        // 1. Decode and fetch; bad records are decided here, before the model runs.
        List<Object> slots = new ArrayList<>(all.size());
        List<ReportExtractor.Job> jobs = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : all) {
            Object slot = prepare(record);
            slots.add(slot);
            if (slot instanceof ReportExtractor.Job job) {
                jobs.add(job);
            }
        }

        // 2. Extract the batch (pages on the worker pool, inference batched across reports).
        List<ReportExtractor.Outcome> outcomes;
        try {
            outcomes = jobs.isEmpty() ? List.of() : extractor.extract(jobs);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new TransientFailure("extraction of the batch failed", e);
        }

        // 3. Everything out in one transaction with the offsets.
        List<Runnable> afterCommit = new ArrayList<>();
        try {
            producer.beginTransaction();
            int next = 0;
            for (int i = 0; i < all.size(); i++) {
                ConsumerRecord<byte[], byte[]> record = all.get(i);
                Object slot = slots.get(i);
                if (slot instanceof Exception error) {
                    deadLetter(record, error, afterCommit);
                    continue;
                }
                ReportExtractor.Job job = (ReportExtractor.Job) slot;
                ReportExtractor.Outcome outcome = outcomes.get(next++);
                if (outcome instanceof ReportExtractor.Unreadable unreadable) {
                    deadLetter(record, unreadable.error(), afterCommit);
                } else {
                    emit(job.report(), (ReportExtractor.Extracted) outcome, afterCommit);
                }
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
        afterCommit.forEach(Runnable::run);
        metrics.batchDone(Duration.ofNanos(System.nanoTime() - started));
    }

    /** A Job, or the Exception that sends the record to the DLQ. */
    private Object prepare(ConsumerRecord<byte[], byte[]> record)
            throws TransientFailure, InterruptedException {
        ReportSubmitted report;
        try {
            report = reports.deserialize(record.topic(), record.value());
        } catch (KafkaException e) {
            if (isRegistryOutage(e)) {
                throw new TransientFailure("the schema registry is unavailable", e);
            }
            return e;
        }
        if (report == null) {
            return new IllegalArgumentException("empty record value");
        }
        if (report.getSizeBytes() > config.maxReportBytes()) {
            return new IllegalArgumentException(
                    "report is "
                            + report.getSizeBytes()
                            + " bytes, over the limit of "
                            + config.maxReportBytes());
        }
        try {
            byte[] bytes =
                    blobRetry.call(
                            "fetching " + report.getReportId(),
                            () -> blobs.read(report.getBlobUri()),
                            e -> e instanceof IOException && !(e instanceof BlobNotFoundException));
            return new ReportExtractor.Job(report, bytes);
        } catch (BlobNotFoundException | IllegalArgumentException e) {
            return e;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new TransientFailure("the blob store is unavailable", e);
        }
    }

    /** Failures that retrying cannot cure: another instance took over, or we may not write. */
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

    private void emit(
            ReportSubmitted report, ReportExtractor.Extracted doc, List<Runnable> afterCommit) {
        Router.Decision decision =
                router.route(
                        report.getDocType(),
                        report.getReportId(),
                        doc.fields(),
                        doc.validationErrors());
        Instant now = clock.instant();
        ExtractionResult result =
                ExtractionResult.newBuilder()
                        .setReportId(report.getReportId())
                        .setBlobUri(report.getBlobUri())
                        .setMediaType(report.getMediaType())
                        .setDocType(report.getDocType())
                        .setModelVersion(doc.modelVersion())
                        .setSchemaVersion(doc.schemaVersion())
                        .setDocument(doc.documentJson())
                        .setFields(doc.fields())
                        .setStatus(decision.status())
                        .setReasons(decision.reasons())
                        .setTimingsMs(doc.timingsMs())
                        .setExtractedAt(now)
                        .build();
        send(Topics.EXTRACTIONS, report.getReportId(), result);
        if (decision.routed()) {
            ReviewTask task =
                    ReviewTask.newBuilder()
                            // Deterministic: a retried batch yields the same task id.
                            .setTaskId("t-" + report.getReportId() + "-" + doc.modelVersion())
                            .setReportId(report.getReportId())
                            .setBlobUri(report.getBlobUri())
                            .setMediaType(report.getMediaType())
                            .setDocType(report.getDocType())
                            .setModelVersion(doc.modelVersion())
                            .setDocument(doc.documentJson())
                            .setFields(doc.fields())
                            .setChecks(decision.checks())
                            .setReasons(decision.reasons())
                            .setPriority(decision.priority())
                            .setCreatedAt(now)
                            .build();
            send(Topics.REVIEW_TASKS, report.getReportId(), task);
        }
        afterCommit.add(
                () -> {
                    metrics.extracted(decision.routed(), doc.timingsMs());
                    log.info(
                            "Report {} extracted by model {}: {} fields, {}{}",
                            report.getReportId(),
                            doc.modelVersion(),
                            doc.fields().size(),
                            decision.status(),
                            decision.reasons().isEmpty() ? "" : " " + decision.reasons());
                });
    }

    private void send(String topic, String key, SpecificRecord value) {
        producer.send(
                new ProducerRecord<>(
                        topic,
                        key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        events.serialize(topic, value)));
    }

    private void deadLetter(
            ConsumerRecord<byte[], byte[]> record, Exception error, List<Runnable> afterCommit) {
        producer.send(DeadLetters.of(Topics.Stage.EXTRACTOR, record, error, clock.instant()));
        afterCommit.add(
                () -> {
                    metrics.deadLettered();
                    log.warn(
                            "Record {}-{}@{} sent to {}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            Topics.DLQ_EXTRACTOR,
                            error.getClass().getSimpleName());
                });
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

    private void closeClients() {
        consumerMetrics.close();
        try {
            consumer.close(Duration.ofSeconds(10));
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Finishes the batch in hand (its transaction commits or aborts), then stops. */
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
