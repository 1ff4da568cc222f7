package io.medvie.schemas.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
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
 * The exactly-once consume, process, produce loop that the extractor and the trainer both run: one
 * consumer (read_committed, manual offsets) and one transactional producer per instance, one batch
 * at a time, the batch's output and its offsets committed in one transaction.
 *
 * <p>Failures, each handled here once:
 *
 * <ul>
 *   <li>transient (blob store, registry, broker, commit timeouts, rebalance; the stage throws
 *       {@link TransientFailure}): the transaction is aborted, the consumer rewound to the batch's
 *       first offsets, and the batch tried again after a pause;
 *   <li>fatal (fenced by a newer instance, authorization, misconfiguration, or anything the stage
 *       did not expect): the loop stops, the failure is kept for {@link #failure()}, and the
 *       process should exit non-zero.
 * </ul>
 *
 * Bad records are the stage's business: it sends them to its DLQ inside {@link #commit}.
 */
public final class TransactionalLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransactionalLoop.class);

    /** Where the loop reads and who it is. */
    public record Settings(
            Map<String, Object> kafka,
            String topic,
            String groupId,
            String instanceId,
            int maxPollRecords,
            Duration maxPollInterval,
            Duration retryPause) {
        public Settings {
            kafka = Map.copyOf(kafka);
        }
    }

    /** What a service does with one batch. */
    public interface Stage {
        /**
         * Processes the batch and ends with {@link TransactionalLoop#commit}; throws {@link
         * TransientFailure} for what a later attempt at the same batch may not meet.
         */
        void process(ConsumerRecords<byte[], byte[]> records)
                throws TransientFailure, InterruptedException;

        /** Called when a batch failed transiently and is about to be tried again. */
        default void retrying(ConsumerRecords<byte[], byte[]> records, TransientFailure e) {}

        /**
         * Called on the loop's thread when partitions are assigned, before they are read; the stage
         * may seek them (for example to the beginning, to rebuild lost local state).
         */
        default void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {}
    }

    /** What the stage sends inside the transaction. */
    @FunctionalInterface
    public interface Sends {
        void to(Producer<byte[], byte[]> producer);
    }

    /** A failure that the next attempt at the same batch may not see. */
    public static final class TransientFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Stage stage;
    private Thread thread;

    /**
     * Creates the clients; {@code producerOverrides} (for example a linger) go on top of the
     * transactional settings.
     */
    public TransactionalLoop(Settings settings, Map<String, Object> producerOverrides) {
        this.settings = settings;
        Map<String, Object> c = new HashMap<>(settings.kafka());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.instanceId() + "-consumer");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        c.put(
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) settings.maxPollInterval().toMillis());
        this.consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());

        Map<String, Object> p = new HashMap<>(settings.kafka());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "medvie-" + settings.instanceId());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.instanceId() + "-producer");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putAll(producerOverrides);
        this.producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The consumer, for binding client metrics; the loop alone polls it. */
    public KafkaConsumer<byte[], byte[]> consumer() {
        return consumer;
    }

    /** Starts the loop on a thread of its own, named after the instance. */
    public TransactionalLoop start(String threadName, Stage stage) {
        this.stage = stage;
        thread = new Thread(this::run, threadName);
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
            consumer.subscribe(
                    List.of(settings.topic()),
                    new ConsumerRebalanceListener() {
                        @Override
                        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

                        @Override
                        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                            if (!partitions.isEmpty()) {
                                stage.assigned(consumer, partitions);
                            }
                        }
                    });
            log.info(
                    "{} consuming {} in group {}",
                    settings.instanceId(),
                    settings.topic(),
                    settings.groupId());
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    stage.process(records);
                } catch (TransientFailure e) {
                    stage.retrying(records, e);
                    log.warn(
                            "Batch of {} records failed and will be retried: {}",
                            records.count(),
                            e.getMessage(),
                            e.getCause());
                    rewind(records);
                    Thread.sleep(settings.retryPause().toMillis());
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
            log.error("{} stopped on a fatal failure", settings.instanceId(), e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(10));
            } finally {
                producer.close(Duration.ofSeconds(10));
            }
        }
    }

    /**
     * Sends what {@code sends} sends and the batch's next offsets in one transaction. A broker
     * failure aborts it and becomes a {@link TransientFailure}; a fatal one is rethrown and stops
     * the loop.
     */
    public void commit(ConsumerRecords<byte[], byte[]> records, Sends sends)
            throws TransientFailure {
        try {
            producer.beginTransaction();
            sends.to(producer);
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException e) {
            if (isFatal(e)) {
                throw e;
            }
            abortQuietly();
            throw new TransientFailure("the transaction could not be committed", e);
        }
    }

    /** Whether a deserializer's failure came from the registry being unreachable (retry). */
    public static boolean isRegistryOutage(KafkaException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Failures that retrying cannot cure: another instance took over, or we may not write. */
    static boolean isFatal(KafkaException e) {
        return e instanceof ProducerFencedException
                || e instanceof OutOfOrderSequenceException
                || e instanceof AuthorizationException
                || e instanceof AuthenticationException
                || e instanceof UnsupportedVersionException
                || e instanceof InvalidConfigurationException;
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
