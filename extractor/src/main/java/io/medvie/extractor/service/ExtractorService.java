package io.medvie.extractor.service;

import io.medvie.blobstore.BlobNotFoundException;
import io.medvie.blobstore.BlobStore;
import io.medvie.events.ExtractedField;
import io.medvie.events.ExtractionResult;
import io.medvie.events.FieldCheck;
import io.medvie.events.ReportSubmitted;
import io.medvie.events.ReviewTask;
import io.medvie.extractor.routing.Router;
import io.medvie.extractor.routing.RoutingPolicy;
import io.medvie.schemas.Topics;
import io.medvie.schemas.dlq.DeadLetters;
import io.medvie.schemas.kafka.TransactionalLoop;
import io.medvie.schemas.kafka.TransactionalLoop.TransientFailure;
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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
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
 *       transaction, and the stream goes on; so does a report whose extraction keeps failing when
 *       it is tried alone after its batch failed {@value #ISOLATE_AFTER} times;
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
    private final TransactionalLoop loop;
    private final AvroDeserializer<ReportSubmitted> reports = new AvroDeserializer<>();
    private final AvroSerializer<SpecificRecord> events = new AvroSerializer<>();
    private final Retry blobRetry = new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(5));
    private final KafkaClientMetrics consumerMetrics;

    /** Failed batches a report was in; used by the loop's thread alone. */
    private final Map<String, Integer> failedBatches = new HashMap<>();

    /** Failed batches after which a report is extracted alone, and dead-lettered if it fails. */
    static final int ISOLATE_AFTER = 3;

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

        this.loop =
                new TransactionalLoop(
                        new TransactionalLoop.Settings(
                                config.kafka(),
                                Topics.REPORTS,
                                config.groupId(),
                                config.instanceId(),
                                config.maxPollRecords(),
                                config.maxPollInterval(),
                                Duration.ofSeconds(1)),
                        Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));
        this.consumerMetrics = new KafkaClientMetrics(loop.consumer());
        consumerMetrics.bindTo(metrics.registry());
    }

    /** Starts the loop on its own thread. */
    public ExtractorService start() {
        loop.start(
                "extractor-" + config.instanceId(),
                new TransactionalLoop.Stage() {
                    @Override
                    public void process(ConsumerRecords<byte[], byte[]> records)
                            throws TransientFailure, InterruptedException {
                        processBatch(records);
                    }

                    @Override
                    public void retrying(
                            ConsumerRecords<byte[], byte[]> records, TransientFailure e) {
                        metrics.batchRetried();
                    }
                });
        return this;
    }

    /** The fatal failure that stopped the loop, if any. */
    public Throwable failure() {
        return loop.failure();
    }

    public boolean isRunning() {
        return loop.isRunning();
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
        List<ReportExtractor.Outcome> outcomes = extract(jobs);

        // 3. Everything out in one transaction with the offsets.
        List<Runnable> afterCommit = new ArrayList<>();
        loop.commit(
                records,
                producer -> {
                    int next = 0;
                    for (int i = 0; i < all.size(); i++) {
                        ConsumerRecord<byte[], byte[]> record = all.get(i);
                        Object slot = slots.get(i);
                        if (slot instanceof Exception error) {
                            deadLetter(producer, record, error, afterCommit);
                            continue;
                        }
                        ReportExtractor.Job job = (ReportExtractor.Job) slot;
                        ReportExtractor.Outcome outcome = outcomes.get(next++);
                        if (outcome instanceof ReportExtractor.Unreadable unreadable) {
                            deadLetter(producer, record, unreadable.error(), afterCommit);
                        } else {
                            emit(
                                    producer,
                                    job.report(),
                                    (ReportExtractor.Extracted) outcome,
                                    afterCommit);
                        }
                    }
                });
        afterCommit.forEach(Runnable::run);
        metrics.batchDone(Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The batch's outcomes. A batch whose extraction fails is retried whole (the failure may be
     * passing); once one of its reports has been in {@value #ISOLATE_AFTER} failed batches, each
     * report is extracted alone and one that still fails goes to the DLQ with the error, so that a
     * report the model cannot take never stalls the stream. {@code medvie dlq replay} brings it
     * back once the cause is mended.
     */
    private List<ReportExtractor.Outcome> extract(List<ReportExtractor.Job> jobs)
            throws TransientFailure, InterruptedException {
        if (jobs.isEmpty()) {
            return List.of();
        }
        try {
            List<ReportExtractor.Outcome> outcomes = extractor.extract(jobs);
            jobs.forEach(j -> failedBatches.remove(j.report().getReportId()));
            return outcomes;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            int worst = 0;
            if (failedBatches.size() > 10_000) {
                failedBatches.clear(); // bounded: only reports failing right now matter
            }
            for (ReportExtractor.Job j : jobs) {
                worst =
                        Math.max(
                                worst,
                                failedBatches.merge(j.report().getReportId(), 1, Integer::sum));
            }
            if (worst < ISOLATE_AFTER) {
                throw new TransientFailure("extraction of the batch failed", e);
            }
            log.warn(
                    "Extraction of a batch of {} reports failed {} times: extracting each alone",
                    jobs.size(),
                    worst,
                    e);
        }
        List<ReportExtractor.Outcome> outcomes = new ArrayList<>(jobs.size());
        for (ReportExtractor.Job job : jobs) {
            String id = job.report().getReportId();
            try {
                outcomes.add(extractor.extract(List.of(job)).get(0));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.warn("Report {} fails extraction on its own: to the DLQ", id, e);
                outcomes.add(new ReportExtractor.Unreadable(e));
            }
            failedBatches.remove(id);
        }
        return outcomes;
    }

    /** A Job, or the Exception that sends the record to the DLQ. */
    private Object prepare(ConsumerRecord<byte[], byte[]> record)
            throws TransientFailure, InterruptedException {
        ReportSubmitted report;
        try {
            report = reports.deserialize(record.topic(), record.value());
        } catch (KafkaException e) {
            if (TransactionalLoop.isRegistryOutage(e)) {
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

    private void emit(
            Producer<byte[], byte[]> producer,
            ReportSubmitted report,
            ReportExtractor.Extracted doc,
            List<Runnable> afterCommit) {
        Router.Decision decision =
                router.route(
                        report.getDocType(),
                        report.getReportId(),
                        doc.fields(),
                        doc.validationErrors());
        Instant now = clock.instant();
        List<ExtractedField> fields = withChecks(doc.fields(), decision.checks());
        ExtractionResult result =
                ExtractionResult.newBuilder()
                        .setReportId(report.getReportId())
                        .setBlobUri(report.getBlobUri())
                        .setMediaType(report.getMediaType())
                        .setDocType(report.getDocType())
                        .setModelVersion(doc.modelVersion())
                        .setSchemaVersion(doc.schemaVersion())
                        .setDocument(doc.documentJson())
                        .setFields(fields)
                        .setStatus(decision.status())
                        .setReasons(decision.reasons())
                        .setTimingsMs(doc.timingsMs())
                        .setExtractedAt(now)
                        .build();
        send(producer, Topics.EXTRACTIONS, report.getReportId(), result);
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
                            .setFields(fields)
                            .setChecks(decision.checks())
                            .setReasons(decision.reasons())
                            .setPriority(decision.priority())
                            .setCreatedAt(now)
                            .build();
            send(producer, Topics.REVIEW_TASKS, report.getReportId(), task);
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

    /** The fields, each carrying the routing check on its path, so consumers see what is unsure. */
    static List<ExtractedField> withChecks(List<ExtractedField> fields, List<FieldCheck> checks) {
        if (checks.isEmpty()) {
            return fields;
        }
        Map<String, String> byPath = new HashMap<>();
        for (FieldCheck c : checks) {
            byPath.putIfAbsent(c.getPath(), c.getReason());
        }
        List<ExtractedField> out = new ArrayList<>(fields.size());
        for (ExtractedField f : fields) {
            String check = byPath.get(f.getPath());
            out.add(check == null ? f : ExtractedField.newBuilder(f).setCheck(check).build());
        }
        return out;
    }

    private void send(
            Producer<byte[], byte[]> producer, String topic, String key, SpecificRecord value) {
        producer.send(
                new ProducerRecord<>(
                        topic,
                        key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        events.serialize(topic, value)));
    }

    private void deadLetter(
            Producer<byte[], byte[]> producer,
            ConsumerRecord<byte[], byte[]> record,
            Exception error,
            List<Runnable> afterCommit) {
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

    /** Finishes the batch in hand (its transaction commits or aborts), then stops. */
    @Override
    public void close() {
        loop.close();
        consumerMetrics.close();
    }
}
