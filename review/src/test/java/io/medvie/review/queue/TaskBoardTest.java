package io.medvie.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.events.ReviewState;
import io.medvie.events.ReviewStatus;
import io.medvie.events.ReviewTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskBoardTest {
    private static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    private static ReviewTask task(String id, double priority, Instant created) {
        return ReviewTask.newBuilder()
                .setTaskId(id)
                .setReportId("r-" + id)
                .setBlobUri("blob:sha256:" + "0".repeat(64))
                .setMediaType("image/png")
                .setModelVersion("m")
                .setDocument("{}")
                .setFields(List.of())
                .setChecks(List.of())
                .setReasons(List.of())
                .setPriority(priority)
                .setCreatedAt(created)
                .build();
    }

    private static ReviewState state(
            String id, ReviewStatus status, long version, String by, Instant leaseUntil) {
        return ReviewState.newBuilder()
                .setTaskId(id)
                .setReportId("r-" + id)
                .setStatus(status)
                .setVersion(version)
                .setClaimedBy(by)
                .setClaimedAt(by == null ? null : T0)
                .setLeaseUntil(leaseUntil)
                .setSkippedBy(List.of())
                .setHistory(List.of())
                .setFieldsReviewed(Map.of())
                .setDoneBy(status == ReviewStatus.DONE ? by : null)
                .setDoneAt(status == ReviewStatus.DONE ? T0 : null)
                .setUpdatedAt(T0)
                .build();
    }

    private final TaskBoard board = new TaskBoard();

    @Test
    void queueIsByPriorityThenAge() {
        board.applyTask(task("late-urgent", 0.1, T0.plusSeconds(60)));
        board.applyTask(task("old", 0.5, T0));
        board.applyTask(task("young", 0.5, T0.plusSeconds(5)));
        board.applyTask(task("calm", 0.9, T0.minusSeconds(600)));
        assertThat(board.queue(T0, 10))
                .extracting(i -> i.task().getTaskId())
                .containsExactly("late-urgent", "old", "young", "calm");
        assertThat(board.queue(T0, 2)).hasSize(2);
        assertThat(board.nextFor("rita", T0).orElseThrow().task().getTaskId())
                .isEqualTo("late-urgent");
    }

    @Test
    void aClaimHoldsUntilItsLeaseEnds() {
        board.applyTask(task("a", 0.1, T0));
        board.applyTask(task("b", 0.2, T0));
        Instant lease = T0.plus(Duration.ofMinutes(5));
        board.applyState(state("a", ReviewStatus.CLAIMED, 1, "rita", lease));

        assertThat(board.counts(T0)).isEqualTo(new TaskBoard.Counts(1, 1, 0));
        assertThat(board.nextFor("rob", T0).orElseThrow().task().getTaskId()).isEqualTo("b");
        assertThat(board.nextFor("rita", T0).orElseThrow().task().getTaskId())
                .as("the holder gets their own task back")
                .isEqualTo("a");

        Instant after = lease.plusMillis(1);
        assertThat(board.counts(after)).isEqualTo(new TaskBoard.Counts(2, 0, 0));
        assertThat(board.nextFor("rob", after).orElseThrow().task().getTaskId()).isEqualTo("a");
        assertThat(board.expiredClaims(after))
                .extracting(i -> i.task().getTaskId())
                .containsExactly("a");
    }

    @Test
    void olderStatesAndRepeatedTasksChangeNothing() {
        board.applyTask(task("a", 0.1, T0));
        board.applyTask(task("a", 0.9, T0));
        assertThat(board.get("a", T0).orElseThrow().task().getPriority()).isEqualTo(0.1);
        board.applyState(state("a", ReviewStatus.DONE, 3, "rita", null));
        board.applyState(state("a", ReviewStatus.CLAIMED, 2, "rob", T0.plusSeconds(60)));
        assertThat(board.get("a", T0).orElseThrow().status()).isEqualTo(TaskBoard.Status.DONE);
        assertThat(board.done(10)).hasSize(1);
        assertThat(board.queue(T0, 10)).isEmpty();
        assertThat(board.nextFor("rob", T0)).isEmpty();
    }

    @Test
    void aSkippedTaskIsNotOfferedToWhoSkippedIt() {
        board.applyTask(task("a", 0.1, T0));
        board.applyState(
                ReviewState.newBuilder(state("a", ReviewStatus.OPEN, 2, null, null))
                        .setSkippedBy(List.of("rita"))
                        .build());
        assertThat(board.nextFor("rita", T0)).isEmpty();
        assertThat(board.nextFor("rob", T0)).isPresent();
    }
}
