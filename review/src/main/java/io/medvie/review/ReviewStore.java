package io.medvie.review;

import io.medvie.events.AuditEvent;
import io.medvie.events.ReviewAccount;
import io.medvie.events.ReviewRole;
import io.medvie.events.ReviewState;
import io.medvie.events.ReviewTask;
import io.medvie.review.account.Accounts;
import io.medvie.review.audit.AuditChain;
import io.medvie.review.queue.TaskBoard;
import io.medvie.review.state.StateReader;
import io.medvie.review.state.StateWriter;
import io.medvie.review.state.StateWriter.Change;
import io.medvie.schemas.Topics;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review service's state, without its web side: the board of tasks, the accounts and the audit
 * chain, read from Kafka and written through one transactional producer. The command line uses it
 * alone to create accounts.
 */
public final class ReviewStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReviewStore.class);

    private final TaskBoard board = new TaskBoard();
    private final Accounts accounts = new Accounts();
    private final AuditChain chain = new AuditChain();
    private final Clock clock;
    private KafkaProducer<byte[], byte[]> deadLetters;
    private KafkaProducer<String, SpecificRecord> producer;
    private StateReader reader;
    private StateWriter writer;

    private ReviewStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads everything there is, then opens the writer.
     *
     * @param transactionalId unique per process: a second process with the same id fences the first
     */
    public static ReviewStore open(ReviewConfig config, String transactionalId, Clock clock)
            throws InterruptedException {
        ReviewStore store = new ReviewStore(clock);
        try {
            store.start(config, transactionalId);
            return store;
        } catch (InterruptedException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void start(ReviewConfig config, String transactionalId) throws InterruptedException {
        Map<String, Object> serde = new HashMap<>(config.kafka());
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.registryUrl());

        Map<String, Object> dlqProps = new HashMap<>(config.kafka());
        dlqProps.put(ProducerConfig.ACKS_CONFIG, "all");
        dlqProps.put(ProducerConfig.CLIENT_ID_CONFIG, "medvie-review-dlq");
        dlqProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        dlqProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        deadLetters = new KafkaProducer<>(dlqProps);

        Map<String, Object> consumerProps = new HashMap<>(serde);
        consumerProps.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        consumerProps.put("client.id", "medvie-review-state");
        reader = new StateReader(consumerProps, this::applyRead, deadLetters);
        reader.awaitCaughtUp(Duration.ofSeconds(60));
        // From here on only our own commits move the audit chain's head.
        chain.seal();

        Map<String, Object> producerProps = new HashMap<>(serde);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        producerProps.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        producerProps.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        // Each write is waited for: lingering would only add latency to every claim.
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        producer = new KafkaProducer<>(producerProps);
        producer.initTransactions();
        writer = new StateWriter(producer, chain, this::applyWritten, Duration.ofSeconds(20));
        log.info(
                "Review state ready: {} tasks, {} accounts ({})",
                board.size(),
                accounts.list().size(),
                transactionalId);
    }

    private void applyRead(Object value) {
        if (value instanceof AuditEvent event) {
            chain.observe(event);
        } else {
            applyWritten(value);
        }
    }

    private void applyWritten(Object value) {
        if (value instanceof ReviewTask task) {
            board.applyTask(task);
        } else if (value instanceof ReviewState state) {
            board.applyState(state);
        } else if (value instanceof ReviewAccount account) {
            accounts.apply(account);
        }
    }

    /** Creates or replaces an account, with its audit event, in one transaction. */
    public ReviewAccount saveAccount(String username, ReviewRole role, String password, String by) {
        return writeAccount(
                now -> {
                    boolean exists = accounts.get(Accounts.normalize(username)).isPresent();
                    return new AccountChange(
                            accounts.draft(username, role, password, by, now),
                            exists ? "update" : "create");
                },
                by);
    }

    /** A user's new password (checked by the caller against the old one), audited. */
    public ReviewAccount changePassword(String username, String password) {
        ReviewAccount current =
                accounts.get(Accounts.normalize(username))
                        .orElseThrow(() -> new NoSuchElementException("no such account"));
        return writeAccount(
                now ->
                        new AccountChange(
                                accounts.draft(
                                        username, current.getRole(), password, username, now),
                                "password"),
                username);
    }

    /** Disables or enables an account (its password kept), audited. */
    public ReviewAccount setDisabled(String username, boolean disabled, String by) {
        return writeAccount(
                now ->
                        new AccountChange(
                                accounts.withDisabled(username, disabled, by, now),
                                disabled ? "disable" : "enable"),
                by);
    }

    private record AccountChange(ReviewAccount account, String action) {}

    private ReviewAccount writeAccount(
            java.util.function.Function<Instant, AccountChange> change, String by) {
        return writer.write(
                () -> {
                    Instant now = clock.instant();
                    AccountChange c = change.apply(now);
                    ReviewAccount account = c.account();
                    AuditEvent audit =
                            chain.draft()
                                    .next(
                                            AuditChain.ACCOUNT,
                                            account.getUsername(),
                                            c.action(),
                                            by,
                                            now,
                                            Map.of("role", account.getRole().name()));
                    log.info(
                            "Account {}: {} by {} (role {})",
                            account.getUsername(),
                            c.action(),
                            by,
                            account.getRole());
                    return new Change<>(
                            List.of(
                                    new ProducerRecord<>(
                                            Topics.REVIEW_ACCOUNTS,
                                            account.getUsername(),
                                            (SpecificRecord) account),
                                    new ProducerRecord<>(
                                            Topics.AUDIT, account.getUsername(), audit)),
                            account);
                });
    }

    /** Writes one audit event alone (sign-in, sign-out). */
    public void audit(String entityType, String entityId, String action, String actor) {
        writer.write(
                () -> {
                    AuditEvent event =
                            chain.draft()
                                    .next(
                                            entityType,
                                            entityId,
                                            action,
                                            actor,
                                            clock.instant(),
                                            Map.of());
                    return new Change<>(
                            List.of(new ProducerRecord<>(Topics.AUDIT, entityId, event)), null);
                });
    }

    public TaskBoard board() {
        return board;
    }

    public Accounts accounts() {
        return accounts;
    }

    public StateWriter writer() {
        return writer;
    }

    public boolean healthy() {
        return reader != null && reader.healthy() && writer != null && writer.healthy();
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        } else if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (reader != null) {
            reader.close();
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }
}
