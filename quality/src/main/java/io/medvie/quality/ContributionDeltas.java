package io.medvie.quality;

import io.medvie.events.QualityRecord;
import io.medvie.quality.state.FieldOutcome;
import io.medvie.quality.state.ReportContribution;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns each report's new contribution into count changes per {@code modelVersion|field}: what the
 * report adds now minus what it added before.
 *
 * <p>A KTable aggregation does this subtraction itself, but only for one output key per input
 * record; a report adds to many fields, so the previous contribution is kept here, in a store keyed
 * by report id (co-partitioned with the join that feeds it). A report verified again replaces its
 * old counts instead of adding to them; a contribution that disappears (a {@code null}) takes its
 * counts back.
 */
final class ContributionDeltas
        implements Processor<String, ReportContribution, String, QualityRecord> {
    private final String storeName;
    private ProcessorContext<String, QualityRecord> context;
    private KeyValueStore<String, ReportContribution> previous;

    ContributionDeltas(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, QualityRecord> context) {
        this.context = context;
        this.previous = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ReportContribution> record) {
        ReportContribution before = previous.get(record.key());
        ReportContribution now = record.value();
        Map<String, long[]> deltas = new TreeMap<>();
        add(deltas, before, -1);
        add(deltas, now, +1);
        Instant at = Instant.ofEpochMilli(record.timestamp());
        deltas.forEach(
                (key, d) -> {
                    if (java.util.Arrays.stream(d).anyMatch(v -> v != 0)) {
                        // Field names never hold a bar; a model version might.
                        int bar = key.lastIndexOf('|');
                        context.forward(
                                record.withKey(key)
                                        .withValue(
                                                QualityRecord.newBuilder()
                                                        .setModelVersion(key.substring(0, bar))
                                                        .setField(key.substring(bar + 1))
                                                        .setAutoAcceptedChecked(d[0])
                                                        .setAutoAcceptedCorrect(d[1])
                                                        .setReviewedCount(d[2])
                                                        .setReviewedCorrected(d[3])
                                                        .setConfidentChecked(d[4])
                                                        .setConfidentCorrect(d[5])
                                                        .setFlaggedChecked(d[6])
                                                        .setFlaggedCorrect(d[7])
                                                        .setUpdatedAt(at)
                                                        .build()));
                    }
                });
        if (now == null) {
            previous.delete(record.key());
        } else {
            previous.put(record.key(), now);
        }
    }

    /** Adds {@code sign} times a contribution's counts: auto-accepted or reviewed by its route. */
    private static void add(Map<String, long[]> deltas, ReportContribution c, int sign) {
        if (c == null) {
            return;
        }
        for (FieldOutcome f : c.getFields()) {
            long[] d =
                    deltas.computeIfAbsent(
                            QualityTopology.key(c.getModelVersion(), f.getField()),
                            k -> new long[8]);
            if (c.getAudit()) {
                d[0] += sign * f.getChecked();
                d[1] += sign * f.getCorrect();
            } else {
                d[2] += sign * f.getChecked();
                d[3] += sign * (f.getChecked() - f.getCorrect());
                d[4] += sign * f.getConfidentChecked();
                d[5] += sign * f.getConfidentCorrect();
                d[6] += sign * f.getFlaggedChecked();
                d[7] += sign * f.getFlaggedCorrect();
            }
        }
    }
}
