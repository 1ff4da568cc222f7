package io.medvie.review.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.events.AuditEvent;
import io.medvie.events.Correction;
import io.medvie.events.FieldHistory;
import io.medvie.events.ReviewState;
import io.medvie.events.ReviewStatus;
import io.medvie.events.ReviewTask;
import io.medvie.events.VerifiedSample;
import io.medvie.review.audit.AuditChain;
import io.medvie.review.queue.TaskBoard;
import io.medvie.review.queue.TaskBoard.Item;
import io.medvie.review.state.StateWriter;
import io.medvie.review.state.StateWriter.Change;
import io.medvie.schemas.Topics;
import io.medvie.schemas.json.DocumentSchemas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a reviewer does with tasks: claim the next, keep the claim alive, skip, submit. Each is one
 * transaction through the {@link StateWriter}, decided under its lock.
 */
public final class TaskService {
    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    /** The task is not there. */
    public static final class TaskNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TaskNotFoundException(String taskId) {
            super("no task " + taskId);
        }
    }

    /** The task is not the caller's to change (claimed by another, or done). */
    public static final class TaskConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskConflictException(String message) {
            super(message);
        }
    }

    /** The verified document breaks the doc type's schema. */
    public static final class InvalidDocumentException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> violations;

        InvalidDocumentException(List<String> violations) {
            super(violations.size() + " schema violations");
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() {
            return violations;
        }
    }

    /** What a submit produced. */
    public record Submitted(String taskId, VerifiedSample sample, int fields) {}

    private final TaskBoard board;
    private final StateWriter writer;
    private final Duration lease;
    private final Clock clock;
    private final DocumentSchemas schemas = new DocumentSchemas();
    private final ObjectMapper json = new ObjectMapper();

    public TaskService(TaskBoard board, StateWriter writer, Duration lease, Clock clock) {
        this.board = board;
        this.writer = writer;
        this.lease = lease;
        this.clock = clock;
    }

    public Duration lease() {
        return lease;
    }

    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * Claims the most urgent task for {@code reviewer}, or returns the one they hold. The claim is
     * committed to the state topic before this returns.
     */
    public Optional<Item> claimNext(String reviewer) {
        return writer.write(
                () -> {
                    Instant now = now();
                    Optional<Item> next = board.nextFor(reviewer, now);
                    if (next.isEmpty() || next.get().status() == TaskBoard.Status.CLAIMED) {
                        return Change.none(next);
                    }
                    Item item = next.get();
                    ReviewState claimed =
                            base(item, now)
                                    .setStatus(ReviewStatus.CLAIMED)
                                    .setClaimedBy(reviewer)
                                    .setClaimedAt(now)
                                    .setLeaseUntil(now.plus(lease))
                                    .build();
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("reportId", item.task().getReportId());
                    details.put("leaseUntil", claimed.getLeaseUntil().toString());
                    if (item.state() != null
                            && item.state().getStatus() == ReviewStatus.CLAIMED
                            && item.state().getClaimedBy() != null) {
                        // The earlier claim ran out: say whose, for whoever reads the audit.
                        details.put("expiredClaimOf", item.state().getClaimedBy());
                    }
                    AuditEvent audit =
                            writer.chain()
                                    .draft()
                                    .next(
                                            AuditChain.TASK,
                                            item.task().getTaskId(),
                                            "claim",
                                            reviewer,
                                            now,
                                            details);
                    log.info(
                            "Task {} claimed by {} until {}",
                            item.task().getTaskId(),
                            reviewer,
                            claimed.getLeaseUntil());
                    return new Change<>(
                            List.of(state(claimed), audit(audit)),
                            Optional.of(new Item(item.task(), claimed, TaskBoard.Status.CLAIMED)));
                });
    }

    /** Extends the caller's claim by one lease from now. */
    public Item renew(String taskId, String reviewer) {
        return writer.write(
                () -> {
                    Instant now = now();
                    Item item = held(taskId, reviewer, now);
                    ReviewState renewed =
                            ReviewState.newBuilder(item.state())
                                    .setVersion(item.version() + 1)
                                    .setLeaseUntil(now.plus(lease))
                                    .setUpdatedAt(now)
                                    .build();
                    return new Change<>(
                            List.of(state(renewed)),
                            new Item(item.task(), renewed, TaskBoard.Status.CLAIMED));
                });
    }

    /** Gives the task back to the queue; it is not offered to this reviewer again. */
    public void skip(String taskId, String reviewer) {
        writer.write(
                () -> {
                    Instant now = now();
                    Item item = held(taskId, reviewer, now);
                    List<String> skipped = new ArrayList<>(item.state().getSkippedBy());
                    if (!skipped.contains(reviewer)) {
                        skipped.add(reviewer);
                    }
                    ReviewState open =
                            base(item, now)
                                    .setStatus(ReviewStatus.OPEN)
                                    .setSkippedBy(skipped)
                                    .build();
                    AuditEvent audit =
                            writer.chain()
                                    .draft()
                                    .next(
                                            AuditChain.TASK,
                                            taskId,
                                            "skip",
                                            reviewer,
                                            now,
                                            Map.of("reportId", item.task().getReportId()));
                    log.info("Task {} skipped by {}", taskId, reviewer);
                    return new Change<>(List.of(state(open), audit(audit)), null);
                });
    }

    /**
     * Submits the verified document: the verified sample, the task's done state with every field's
     * history and the audit event, in one transaction.
     *
     * @param rowOrigins per verified table row, the model row it was edited from (null = added);
     *     null to match rows by index
     */
    public Submitted submit(
            String taskId, String reviewer, JsonNode verified, List<Integer> rowOrigins) {
        return writer.write(
                () -> {
                    Instant now = now();
                    Item item = held(taskId, reviewer, now);
                    ReviewTask task = item.task();
                    List<String> violations = validate(task.getDocType(), verified);
                    if (!violations.isEmpty()) {
                        throw new InvalidDocumentException(violations);
                    }
                    JsonNode model = parse(task.getDocument());
                    List<DocumentDiff.Leaf> leaves;
                    try {
                        leaves = DocumentDiff.diff(model, verified, rowOrigins);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidDocumentException(List.of(e.getMessage()));
                    }
                    List<Correction> corrections = new ArrayList<>();
                    List<FieldHistory> history = new ArrayList<>();
                    for (DocumentDiff.Leaf leaf : leaves) {
                        if (leaf.changed()) {
                            corrections.add(
                                    new Correction(
                                            leaf.path(), leaf.modelValue(), leaf.verifiedValue()));
                        }
                        history.add(
                                new FieldHistory(
                                        leaf.path(),
                                        leaf.action().name(),
                                        leaf.modelValue(),
                                        leaf.verifiedValue(),
                                        reviewer,
                                        now));
                    }
                    VerifiedSample sample =
                            VerifiedSample.newBuilder()
                                    .setReportId(task.getReportId())
                                    .setTaskId(taskId)
                                    .setBlobUri(task.getBlobUri())
                                    .setMediaType(task.getMediaType())
                                    .setDocType(task.getDocType())
                                    .setVerifiedDocument(text(verified))
                                    .setModelDocument(task.getDocument())
                                    .setModelVersion(task.getModelVersion())
                                    .setReviewer(reviewer)
                                    .setCorrections(corrections)
                                    .setVerifiedAt(now)
                                    .build();
                    Map<String, Integer> kinds = new LinkedHashMap<>(DocumentDiff.kinds(leaves));
                    ReviewState done =
                            ReviewState.newBuilder(item.state())
                                    .setStatus(ReviewStatus.DONE)
                                    .setVersion(item.version() + 1)
                                    .setLeaseUntil(null)
                                    .setDoneBy(reviewer)
                                    .setDoneAt(now)
                                    .setHistory(history)
                                    .setFieldsReviewed(kinds)
                                    .setUpdatedAt(now)
                                    .build();
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("reportId", task.getReportId());
                    details.put("fields", Integer.toString(leaves.size()));
                    details.put("corrections", Integer.toString(corrections.size()));
                    details.put(
                            "workedMs",
                            Long.toString(
                                    Duration.between(item.state().getClaimedAt(), now).toMillis()));
                    AuditEvent audit =
                            writer.chain()
                                    .draft()
                                    .next(
                                            AuditChain.TASK,
                                            taskId,
                                            "submit",
                                            reviewer,
                                            now,
                                            details);
                    log.info(
                            "Task {} submitted by {}: {} fields, {} corrections",
                            taskId,
                            reviewer,
                            leaves.size(),
                            corrections.size());
                    return new Change<>(
                            List.of(
                                    new ProducerRecord<>(
                                            Topics.VERIFIED_SAMPLES,
                                            task.getReportId(),
                                            (SpecificRecord) sample),
                                    state(done),
                                    audit(audit)),
                            new Submitted(taskId, sample, leaves.size()));
                });
    }

    /** The task as its claimant (or, when done, anyone allowed to read it) sees it. */
    public Optional<Item> get(String taskId) {
        return board.get(taskId, now());
    }

    private Item held(String taskId, String reviewer, Instant now) {
        Item item = board.get(taskId, now).orElseThrow(() -> new TaskNotFoundException(taskId));
        ReviewState state = item.state();
        if (item.status() == TaskBoard.Status.DONE) {
            throw new TaskConflictException("task " + taskId + " is already done");
        }
        // A lease that ran out still lets its holder finish, as long as nobody claimed it since.
        if (state == null
                || state.getStatus() != ReviewStatus.CLAIMED
                || !reviewer.equals(state.getClaimedBy())) {
            throw new TaskConflictException("task " + taskId + " is not claimed by you");
        }
        return item;
    }

    private List<String> validate(String docType, JsonNode verified) {
        if (!DocumentSchemas.LAB_REPORT.equals(docType)) {
            return List.of("no schema known for doc type " + docType);
        }
        return schemas.validate(docType, DocumentSchemas.LAB_REPORT_VERSION, verified);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // The model's document is ours to have made readable: treat it as empty, all added.
            log.warn("Model document of a task is not JSON: {}", e.getOriginalMessage());
            return json.createObjectNode();
        }
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree always serializes", e);
        }
    }

    private static ReviewState.Builder base(Item item, Instant now) {
        List<String> skipped =
                item.state() == null ? List.of() : new ArrayList<>(item.state().getSkippedBy());
        return ReviewState.newBuilder()
                .setTaskId(item.task().getTaskId())
                .setReportId(item.task().getReportId())
                .setStatus(ReviewStatus.OPEN)
                .setVersion(item.version() + 1)
                .setClaimedBy(null)
                .setClaimedAt(null)
                .setLeaseUntil(null)
                .setSkippedBy(skipped)
                .setDoneBy(null)
                .setDoneAt(null)
                .setHistory(List.of())
                .setFieldsReviewed(Map.of())
                .setUpdatedAt(now);
    }

    private static ProducerRecord<String, SpecificRecord> state(ReviewState state) {
        return new ProducerRecord<>(Topics.REVIEW_STATE, state.getTaskId(), state);
    }

    static ProducerRecord<String, SpecificRecord> audit(AuditEvent event) {
        return new ProducerRecord<>(Topics.AUDIT, event.getEntityId(), event);
    }
}
