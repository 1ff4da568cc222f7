package io.medvie.review.state;

import io.medvie.events.AuditEvent;
import io.medvie.review.audit.AuditChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every write of the review service, each one Kafka transaction: the state change, what it produces
 * (a verified sample) and its audit events commit together or not at all.
 *
 * <p>Writes are serialized by one lock, held from the decision to the commit: a claim is decided on
 * the view of the board and written before anyone else may decide, which is what gives two
 * reviewers asking at once two different tasks. After the commit the written events are applied to
 * the in-memory view at once, so the answer already reflects them; the reader sees them again later
 * and ignores what it already has.
 */
public final class StateWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StateWriter.class);

    /** What a write produces: the records of one transaction and the caller's answer. */
    public record Change<T>(List<ProducerRecord<String, SpecificRecord>> records, T result) {
        public static <T> Change<T> none(T result) {
            return new Change<>(List.of(), result);
        }
    }

    /** The write could not be committed; nothing of it is visible. The user may retry. */
    public static final class WriteFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Producer<String, SpecificRecord> producer;
    private final AuditChain chain;
    private final Consumer<Object> apply;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean fatal;

    /**
     * @param producer a transactional producer, {@code initTransactions()} already called
     * @param apply receives every committed value but audit events (which advance the chain), as
     *     the reader would
     */
    public StateWriter(
            Producer<String, SpecificRecord> producer,
            AuditChain chain,
            Consumer<Object> apply,
            Duration timeout) {
        this.producer = producer;
        this.chain = chain;
        this.apply = apply;
        this.timeout = timeout;
    }

    public AuditChain chain() {
        return chain;
    }

    /** False once the producer was fenced or failed beyond repair: the service must restart. */
    public boolean healthy() {
        return !fatal;
    }

    /**
     * Decides and writes under the lock: {@code plan} reads the current view and says what to
     * write. An empty change commits nothing.
     */
    public <T> T write(Supplier<Change<T>> plan) {
        lock.lock();
        try {
            if (fatal) {
                throw new WriteFailedException(
                        "The review service lost its producer; restart it", null);
            }
            Change<T> change = plan.get();
            if (change.records().isEmpty()) {
                return change.result();
            }
            commit(change.records());
            for (ProducerRecord<String, SpecificRecord> r : change.records()) {
                if (r.value() instanceof AuditEvent event) {
                    chain.advance(event);
                } else {
                    apply.accept(r.value());
                }
            }
            return change.result();
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<ProducerRecord<String, SpecificRecord>> records) {
        long started = System.nanoTime();
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<String, SpecificRecord> r : records) {
                sent.add(producer.send(r));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            producer.commitTransaction();
            log.debug(
                    "Committed {} records in {} ms",
                    records.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            // Another instance took our transactional id, or the producer is broken: carrying on
            // could hand out a task twice.
            fatal = true;
            log.error("Review producer cannot continue; the service must be restarted", e);
            throw new WriteFailedException("review state cannot be written", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new WriteFailedException("interrupted while writing review state", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.warn(
                    "Review write of {} records failed, aborted: {}", records.size(), e.toString());
            abort();
            throw new WriteFailedException("review state could not be written; retry", e);
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            fatal = true;
            log.error("Cannot abort the review transaction; the service must be restarted", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
