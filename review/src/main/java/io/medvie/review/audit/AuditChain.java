package io.medvie.review.audit;

import io.medvie.events.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The review service's audit events, each carrying the hash of the one before it, so that a removed
 * or altered event breaks the chain where it happened.
 *
 * <p>The chain is the review service's own (entity types starting with {@value #ENTITY_PREFIX}):
 * other services may write to the same topic, and one chain across independent writers would need a
 * coordinator. At start the head is recovered by reading the audit topic ({@link #observe}); the
 * chain assumes one review process writes at a time (its transactional id fences a second).
 *
 * <p>The hash is SHA-256 over the fields in a fixed order, each length-prefixed so that no two
 * different events give the same input; details are sorted by key.
 */
public final class AuditChain {
    public static final String ENTITY_PREFIX = "review.";
    public static final String TASK = ENTITY_PREFIX + "task";
    public static final String ACCOUNT = ENTITY_PREFIX + "account";
    public static final String SESSION = ENTITY_PREFIX + "session";

    private String head;
    private boolean sealed;

    /**
     * Follows an event read from the topic while recovering: the newest event of our chain becomes
     * the head. After {@link #seal()} only our own writes move the head, so that the reader's late
     * echo of an event we wrote cannot move it back.
     */
    public synchronized void observe(AuditEvent event) {
        if (!sealed && event.getEntityType().startsWith(ENTITY_PREFIX)) {
            head = event.getHash();
        }
    }

    /** Ends recovery: from now on the head follows {@link #advance} only. */
    public synchronized void seal() {
        sealed = true;
    }

    /** The hash of the last event of the chain, or null before the first. */
    public synchronized String head() {
        return head;
    }

    /** Makes a written event the head. */
    public synchronized void advance(AuditEvent written) {
        if (written.getEntityType().startsWith(ENTITY_PREFIX)) {
            head = written.getHash();
        }
    }

    /**
     * Events to be written in one transaction, chained to the head and to each other. Used under
     * the writer's lock; the head moves only when they are committed and {@link #advance}d.
     */
    public Draft draft() {
        return new Draft(head());
    }

    /** Builds the next events of the chain. */
    public static final class Draft {
        private String previous;

        private Draft(String previous) {
            this.previous = previous;
        }

        public AuditEvent next(
                String entityType,
                String entityId,
                String action,
                String actor,
                Instant at,
                Map<String, String> details) {
            if (!entityType.startsWith(ENTITY_PREFIX)) {
                throw new IllegalArgumentException("Not a review entity type: " + entityType);
            }
            AuditEvent event =
                    AuditEvent.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setEntityType(entityType)
                            .setEntityId(entityId)
                            .setAction(action)
                            .setActor(actor)
                            .setAt(Instant.ofEpochMilli(at.toEpochMilli()))
                            .setDetails(new TreeMap<>(details))
                            .setPreviousHash(previous)
                            .setHash("")
                            .build();
            event.setHash(hash(event));
            previous = event.getHash();
            return event;
        }
    }

    /** The hash an event must carry, computed from everything but the hash itself. */
    public static String hash(AuditEvent e) {
        StringBuilder in = new StringBuilder();
        field(in, e.getEventId());
        field(in, e.getEntityType());
        field(in, e.getEntityId());
        field(in, e.getAction());
        field(in, e.getActor());
        field(in, Long.toString(e.getAt().toEpochMilli()));
        for (Map.Entry<String, String> d : new TreeMap<>(e.getDetails()).entrySet()) {
            field(in, d.getKey());
            field(in, d.getValue());
        }
        field(in, e.getPreviousHash() == null ? "-" : e.getPreviousHash());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest(in.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }

    /** True when each event's hash is right and names the one before it. */
    public static boolean verify(Iterable<AuditEvent> chain) {
        return check(chain) == null;
    }

    /**
     * Where a chain breaks.
     *
     * @param index position in the chain (0-based)
     * @param eventId the event where it breaks
     * @param reason what is wrong
     */
    public record Break(int index, String eventId, String reason) {}

    /**
     * The first break of a chain, or null when every event's hash is right and names the one before
     * it. An altered event fails its own hash; a removed or inserted one fails the link.
     */
    public static Break check(Iterable<AuditEvent> chain) {
        String previous = null;
        int i = 0;
        for (AuditEvent e : chain) {
            if (!e.getHash().equals(hash(e))) {
                return new Break(i, e.getEventId(), "its content does not match its hash");
            }
            if (i > 0 && !java.util.Objects.equals(previous, e.getPreviousHash())) {
                return new Break(
                        i,
                        e.getEventId(),
                        "it does not follow the event before it (an event was removed, inserted"
                                + " or reordered)");
            }
            previous = e.getHash();
            i++;
        }
        return null;
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append(';');
    }
}
