package io.medvie.review.stats;

import io.medvie.events.FieldHistory;
import io.medvie.events.ReviewState;
import io.medvie.review.task.DocumentDiff;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin's view of review throughput, from the done tasks' states: tasks per hour, time per task
 * (claim to submit) and, per field kind, how often reviewers corrected the model.
 */
public final class Throughput {
    private Throughput() {}

    /** Done tasks in one clock hour (UTC). */
    public record Hour(long startMs, int tasks) {}

    /** How often one kind of field ({@code tests[].value}) was corrected. */
    public record FieldRate(String field, int reviewed, int corrected, double rate) {}

    /** Per reviewer: tasks done and the median time they took. */
    public record Reviewer(String reviewer, int tasks, long medianMs) {}

    /** The whole report. */
    public record Report(
            int doneTotal,
            int doneLastHour,
            int doneLast24h,
            double tasksPerHour24h,
            long meanMs,
            long medianMs,
            List<Hour> hours,
            List<FieldRate> fields,
            List<Reviewer> reviewers) {}

    /**
     * @param hours how many recent clock hours to list
     */
    public static Report of(List<ReviewState> done, Instant now, int hours) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant dayAgo = now.minus(Duration.ofHours(24));
        int lastHour = 0;
        int last24 = 0;
        List<Long> durations = new ArrayList<>();
        Map<String, Integer> reviewed = new TreeMap<>();
        Map<String, Integer> corrected = new TreeMap<>();
        Map<String, List<Long>> byReviewer = new TreeMap<>();
        Instant firstHour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours - 1L));
        int[] perHour = new int[hours];
        for (ReviewState s : done) {
            Instant at = s.getDoneAt();
            if (at == null) {
                continue;
            }
            if (at.isAfter(hourAgo)) {
                lastHour++;
            }
            if (at.isAfter(dayAgo)) {
                last24++;
            }
            if (!at.isBefore(firstHour)) {
                int bucket = (int) Duration.between(firstHour, at).toHours();
                if (bucket < hours) {
                    perHour[bucket]++;
                }
            }
            long ms =
                    s.getClaimedAt() == null
                            ? 0
                            : Math.max(0, Duration.between(s.getClaimedAt(), at).toMillis());
            durations.add(ms);
            byReviewer.computeIfAbsent(s.getDoneBy(), r -> new ArrayList<>()).add(ms);
            s.getFieldsReviewed().forEach((kind, n) -> reviewed.merge(kind, n, Integer::sum));
            for (FieldHistory h : s.getHistory()) {
                if (!"ACCEPTED".equals(h.getAction())) {
                    corrected.merge(DocumentDiff.kindOf(h.getPath()), 1, Integer::sum);
                }
            }
        }
        List<Hour> hourList = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            hourList.add(new Hour(firstHour.plus(Duration.ofHours(i)).toEpochMilli(), perHour[i]));
        }
        List<FieldRate> rates = new ArrayList<>();
        reviewed.forEach(
                (kind, n) -> {
                    int c = corrected.getOrDefault(kind, 0);
                    rates.add(new FieldRate(kind, n, c, n == 0 ? 0 : (double) c / n));
                });
        rates.sort(
                Comparator.comparingDouble(FieldRate::rate)
                        .reversed()
                        .thenComparing(FieldRate::field));
        List<Reviewer> reviewers = new ArrayList<>();
        byReviewer.forEach((r, ms) -> reviewers.add(new Reviewer(r, ms.size(), median(ms))));
        long mean =
                durations.isEmpty()
                        ? 0
                        : Math.round(
                                durations.stream().mapToLong(Long::longValue).average().orElse(0));
        return new Report(
                done.size(),
                lastHour,
                last24,
                last24 / 24.0,
                mean,
                median(durations),
                hourList,
                rates,
                reviewers);
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
