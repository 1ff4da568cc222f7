package io.medvie.ingest.ledger;

import io.medvie.events.ExtractionResult;
import io.medvie.events.ReportSubmitted;
import io.medvie.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingest knows of every report: built by reading {@code medvie.reports} (and the extractions,
 * for the state) from the beginning, so that a restarted ingest still recognises bytes it has seen
 * and answers state queries. The topics are the source of truth; this is a cache of them.
 */
public final class ReportLedger implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReportLedger.class);

    /** Where a report is in the flow. */
    public enum State {
        SUBMITTED,
        AUTO_ACCEPTED,
        NEEDS_REVIEW
    }

    /** One report. */
    public record Entry(
            String reportId,
            String sha256,
            String mediaType,
            long sizeBytes,
            long submittedAt,
            State state,
            String modelVersion) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Consumer<String, Object> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;

    /**
     * Starts reading. {@code consumerProps} carries the bootstrap servers, the value deserializer
     * (Avro, specific reader) and its registry settings, and any TLS/SASL settings.
     */
    public ReportLedger(Map<String, Object> consumerProps) {
        Properties props = new Properties();
        props.putAll(consumerProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                "org.apache.kafka.common.serialization.StringDeserializer");
        this.consumer = new KafkaConsumer<>(props);
        this.thread = new Thread(this::run, "report-ledger");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Waits until the ledger has read everything that was on the topics when it started. */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "Report ledger did not catch up with " + Topics.REPORTS + " in " + timeout);
        }
        RuntimeException error = failure.get();
        if (error != null) {
            throw error;
        }
    }

    public Optional<Entry> get(String reportId) {
        return Optional.ofNullable(entries.get(reportId));
    }

    public boolean contains(String reportId) {
        return entries.containsKey(reportId);
    }

    public int size() {
        return entries.size();
    }

    /** Records a report this process has just produced, before the consumer sees it. */
    public void recordSubmitted(ReportSubmitted event) {
        entries.merge(event.getReportId(), submitted(event), (old, fresh) -> old);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.REPORTS, Topics.EXTRACTIONS)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    // Reading no partitions would silently forget every report: refuse instead.
                    throw new IllegalStateException(
                            "Topic " + topic + " has no partitions: create the topics first");
                }
                for (PartitionInfo info : infos) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, Object> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    apply(record.value());
                }
                if (caughtUp.getCount() > 0 && reached(end)) {
                    log.info("Report ledger caught up: {} reports", entries.size());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure.set(e);
            }
        } catch (RuntimeException e) {
            log.error("Report ledger stopped", e);
            failure.set(e);
        } finally {
            caughtUp.countDown();
            consumer.close();
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(Object value) {
        if (value instanceof ReportSubmitted event) {
            entries.merge(event.getReportId(), submitted(event), (old, fresh) -> old);
        } else if (value instanceof ExtractionResult result) {
            State state =
                    switch (result.getStatus()) {
                        case AUTO_ACCEPTED -> State.AUTO_ACCEPTED;
                        case NEEDS_REVIEW -> State.NEEDS_REVIEW;
                    };
            entries.computeIfPresent(
                    result.getReportId(),
                    (id, old) ->
                            new Entry(
                                    id,
                                    old.sha256(),
                                    old.mediaType(),
                                    old.sizeBytes(),
                                    old.submittedAt(),
                                    state,
                                    result.getModelVersion()));
        }
    }

    private static Entry submitted(ReportSubmitted event) {
        return new Entry(
                event.getReportId(),
                event.getSha256(),
                event.getMediaType(),
                event.getSizeBytes(),
                event.getSubmittedAt().toEpochMilli(),
                State.SUBMITTED,
                null);
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
