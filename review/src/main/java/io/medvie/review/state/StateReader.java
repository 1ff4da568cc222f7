package io.medvie.review.state;

import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.Topics;
import io.medvie.schemas.dlq.DeadLetters;
import io.medvie.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the review service's topics from the beginning and keeps following them: the tasks, their
 * states, the accounts, the audit chain. Each event goes to {@code sink}; the topics are the truth
 * and what the sink builds is a view of them, so a restarted service knows what it knew.
 *
 * <p>A record that cannot be read goes to {@code medvie.dlq.review} once: records already there
 * (named by their dlq.original.* headers) are not sent again when the topics are read again.
 */
public final class StateReader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StateReader.class);

    /** The topics read, with what each holds. */
    public static final List<String> TOPICS =
            List.of(Topics.REVIEW_TASKS, Topics.REVIEW_STATE, Topics.REVIEW_ACCOUNTS, Topics.AUDIT);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroDeserializer<Object> values = new AvroDeserializer<>();
    private final Consumer<Object> sink;
    private final Producer<byte[], byte[]> deadLetters;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private final Set<String> alreadyDeadLettered = new HashSet<>();
    private final List<ConsumerRecord<byte[], byte[]>> badBeforeCaughtUp = new ArrayList<>();
    private final Thread thread;

    /**
     * @param consumerProps bootstrap servers, TLS/SASL and the registry settings of the Avro serde
     * @param deadLetters a producer of raw bytes for records that cannot be read
     */
    public StateReader(
            Map<String, Object> consumerProps,
            Consumer<Object> sink,
            Producer<byte[], byte[]> deadLetters) {
        Properties props = new Properties();
        props.putAll(consumerProps);
        // Only what was committed: an aborted submit must not show up as done.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(props);
        this.values.configure(consumerProps, false);
        this.sink = sink;
        this.deadLetters = deadLetters;
        this.thread = new Thread(this::run, "review-state-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Waits until everything that was on the topics at start has been read. */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Review state did not catch up in " + timeout);
        }
        RuntimeException error = failure.get();
        if (error != null) {
            throw error;
        }
    }

    /** True while the reader runs; false after it failed. */
    public boolean healthy() {
        return failure.get() == null && thread.isAlive();
    }

    public long applied() {
        return applied.get();
    }

    public long bad() {
        return bad.get();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : concat(TOPICS, Topics.DLQ_REVIEW)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    // Reading no partitions would silently forget every task: refuse instead.
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
            long started = System.nanoTime();
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
                if (caughtUp.getCount() > 0 && reached(end)) {
                    for (ConsumerRecord<byte[], byte[]> record : badBeforeCaughtUp) {
                        deadLetter(record, new IllegalArgumentException("unreadable record"));
                    }
                    badBeforeCaughtUp.clear();
                    log.info(
                            "Review state caught up in {} ms: {} events, {} unreadable",
                            (System.nanoTime() - started) / 1_000_000,
                            applied.get(),
                            bad.get());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure.set(new IllegalStateException("Review state reader woken unexpectedly", e));
            }
        } catch (RuntimeException e) {
            log.error("Review state reader stopped", e);
            failure.set(e);
        } finally {
            caughtUp.countDown();
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(Topics.DLQ_REVIEW)) {
            String topic = DeadLetters.header(record.headers(), DlqHeaders.ORIGINAL_TOPIC);
            String partition = DeadLetters.header(record.headers(), DlqHeaders.ORIGINAL_PARTITION);
            String offset = DeadLetters.header(record.headers(), DlqHeaders.ORIGINAL_OFFSET);
            alreadyDeadLettered.add(topic + "/" + partition + "/" + offset);
            return;
        }
        if (record.value() == null) {
            return; // a tombstone: nothing to apply
        }
        Object value;
        try {
            value = values.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            bad.incrementAndGet();
            log.warn(
                    "Unreadable record {}/{}/{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getClass().getSimpleName());
            if (caughtUp.getCount() > 0) {
                badBeforeCaughtUp.add(record);
            } else {
                deadLetter(record, e);
            }
            return;
        }
        sink.accept(value);
        applied.incrementAndGet();
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, Throwable error) {
        String coordinates = record.topic() + "/" + record.partition() + "/" + record.offset();
        if (!alreadyDeadLettered.add(coordinates)) {
            return;
        }
        ProducerRecord<byte[], byte[]> out =
                DeadLetters.of(Topics.Stage.REVIEW, record, error, Instant.now());
        deadLetters.send(
                out,
                (meta, e) -> {
                    if (e != null) {
                        log.error("Cannot dead-letter {}", coordinates, e);
                    }
                });
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> out = new ArrayList<>(list);
        out.add(one);
        return out;
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
        values.close();
    }
}
