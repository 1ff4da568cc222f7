package io.medvie.review.queue;

import io.medvie.events.ReviewState;
import io.medvie.events.ReviewStatus;
import io.medvie.events.ReviewTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every review task and where it stands, as read from {@code medvie.review-tasks} and {@code
 * medvie.review-state}. The topics are the truth; this is the in-memory view the queue is served
 * from. Thread-safe; a claim must still be decided and written under the writer's lock so that two
 * reviewers never get the same task.
 *
 * <p>A claim whose lease has run out counts as open: nothing has to be written for an abandoned
 * task to come back.
 */
public final class TaskBoard {
    /** Most urgent first: lowest priority value (lowest confidence), then oldest. */
    public static final Comparator<Item> QUEUE_ORDER =
            Comparator.comparingDouble((Item i) -> i.task().getPriority())
                    .thenComparing(i -> i.task().getCreatedAt())
                    .thenComparing(i -> i.task().getTaskId());

    /** Where a task stands now: its stored state with expired leases taken into account. */
    public enum Status {
        OPEN,
        CLAIMED,
        DONE
    }

    /** A task with its latest state (null before anyone touched it) as seen at {@code now}. */
    public record Item(ReviewTask task, ReviewState state, Status status) {
        public Optional<String> claimant() {
            return status == Status.CLAIMED ? Optional.of(state.getClaimedBy()) : Optional.empty();
        }

        public long version() {
            return state == null ? 0 : state.getVersion();
        }
    }

    /** How many tasks are in each status. */
    public record Counts(int open, int claimed, int done) {
        public int total() {
            return open + claimed + done;
        }
    }

    private final Map<String, ReviewTask> tasks = new HashMap<>();
    private final Map<String, ReviewState> states = new HashMap<>();

    /** Adds a task; the first event of a task id wins, repeats (a re-sent event) change nothing. */
    public synchronized void applyTask(ReviewTask task) {
        tasks.putIfAbsent(task.getTaskId(), task);
    }

    /** Takes a state when it is newer than the one held: replays and late echoes change nothing. */
    public synchronized void applyState(ReviewState state) {
        states.merge(
                state.getTaskId(),
                state,
                (old, fresh) -> fresh.getVersion() > old.getVersion() ? fresh : old);
    }

    public synchronized Optional<Item> get(String taskId, Instant now) {
        ReviewTask task = tasks.get(taskId);
        return task == null ? Optional.empty() : Optional.of(item(task, now));
    }

    public synchronized int size() {
        return tasks.size();
    }

    public synchronized Counts counts(Instant now) {
        int open = 0;
        int claimed = 0;
        int done = 0;
        for (ReviewTask task : tasks.values()) {
            switch (status(states.get(task.getTaskId()), now)) {
                case OPEN -> open++;
                case CLAIMED -> claimed++;
                case DONE -> done++;
            }
        }
        return new Counts(open, claimed, done);
    }

    /** Open and claimed tasks in queue order, at most {@code limit}. */
    public synchronized List<Item> queue(Instant now, int limit) {
        return tasks.values().stream()
                .map(t -> item(t, now))
                .filter(i -> i.status() != Status.DONE)
                .sorted(QUEUE_ORDER)
                .limit(limit)
                .toList();
    }

    /** Done tasks, most recent first, at most {@code limit}. */
    public synchronized List<Item> done(int limit) {
        return doneStream()
                .sorted(Comparator.comparing((Item i) -> i.state().getDoneAt()).reversed())
                .limit(limit)
                .toList();
    }

    /** Every done task's state, for statistics. */
    public synchronized List<ReviewState> doneStates() {
        return doneStream().map(Item::state).toList();
    }

    private java.util.stream.Stream<Item> doneStream() {
        return tasks.values().stream()
                .map(t -> item(t, Instant.EPOCH))
                .filter(i -> i.status() == Status.DONE);
    }

    /**
     * What {@code reviewer} should work on: the task they already hold, else the most urgent open
     * task they have not skipped.
     */
    public synchronized Optional<Item> nextFor(String reviewer, Instant now) {
        Item best = null;
        for (ReviewTask task : tasks.values()) {
            Item item = item(task, now);
            if (item.status() == Status.CLAIMED && reviewer.equals(item.state().getClaimedBy())) {
                return Optional.of(item);
            }
            if (item.status() != Status.OPEN
                    || (item.state() != null && item.state().getSkippedBy().contains(reviewer))) {
                continue;
            }
            if (best == null || QUEUE_ORDER.compare(item, best) < 0) {
                best = item;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Tasks whose claims ran out, as of {@code now}: returned to the queue without a write. */
    public synchronized List<Item> expiredClaims(Instant now) {
        List<Item> out = new ArrayList<>();
        for (ReviewState s : states.values()) {
            ReviewTask task = tasks.get(s.getTaskId());
            if (task != null
                    && s.getStatus() == ReviewStatus.CLAIMED
                    && status(s, now) == Status.OPEN) {
                out.add(item(task, now));
            }
        }
        return out;
    }

    private Item item(ReviewTask task, Instant now) {
        ReviewState state = states.get(task.getTaskId());
        return new Item(task, state, status(state, now));
    }

    static Status status(ReviewState state, Instant now) {
        if (state == null) {
            return Status.OPEN;
        }
        return switch (state.getStatus()) {
            case OPEN -> Status.OPEN;
            case DONE -> Status.DONE;
            case CLAIMED ->
                    state.getLeaseUntil() != null && state.getLeaseUntil().isAfter(now)
                            ? Status.CLAIMED
                            : Status.OPEN;
        };
    }
}
