package io.medvie.schemas.quality;

import io.medvie.events.QualityRecord;
import io.medvie.schemas.Topics;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The latest counts on {@value Topics#QUALITY}, read from the beginning to the end (committed
 * records only), for the demo, the review admin page and {@code medvie quality --show}. Joins no
 * consumer group and commits nothing.
 */
public final class QualityView {
    private QualityView() {}

    /**
     * One line of the table, with the ratios an operator reads.
     *
     * @param confidentChecked of the reviewed instances, those the extractor had no check on
     * @param confidentCorrect of those, the ones the reviewer kept
     * @param flaggedChecked of the reviewed instances, those the extractor flagged
     * @param flaggedCorrect of those, the ones the reviewer kept
     */
    public record Row(
            String modelVersion,
            String field,
            long autoAcceptedChecked,
            long autoAcceptedCorrect,
            long reviewed,
            long reviewedCorrected,
            long confidentChecked,
            long confidentCorrect,
            long flaggedChecked,
            long flaggedCorrect) {

        /** A row without the flagged/confident split (counts written before it existed). */
        public Row(
                String modelVersion,
                String field,
                long autoAcceptedChecked,
                long autoAcceptedCorrect,
                long reviewed,
                long reviewedCorrected) {
            this(
                    modelVersion,
                    field,
                    autoAcceptedChecked,
                    autoAcceptedCorrect,
                    reviewed,
                    reviewedCorrected,
                    0,
                    0,
                    0,
                    0);
        }

        static Row of(QualityRecord r) {
            return new Row(
                    r.getModelVersion(),
                    r.getField(),
                    r.getAutoAcceptedChecked(),
                    r.getAutoAcceptedCorrect(),
                    r.getReviewedCount(),
                    r.getReviewedCorrected(),
                    r.getConfidentChecked(),
                    r.getConfidentCorrect(),
                    r.getFlaggedChecked(),
                    r.getFlaggedCorrect());
        }

        /**
         * Correct share of the confident (unflagged) instances of reports routed for cause: the
         * accuracy a lower threshold would have auto-accepted; NaN when there were none.
         */
        public double confidentAccuracy() {
            return confidentChecked == 0
                    ? Double.NaN
                    : (double) confidentCorrect / confidentChecked;
        }

        /** Correct share of the flagged instances; NaN when none was flagged. */
        public double flaggedAccuracy() {
            return flaggedChecked == 0 ? Double.NaN : (double) flaggedCorrect / flaggedChecked;
        }

        /** Correct share of the audited auto-accepted instances; NaN when none was checked. */
        public double autoAcceptedAccuracy() {
            return autoAcceptedChecked == 0
                    ? Double.NaN
                    : (double) autoAcceptedCorrect / autoAcceptedChecked;
        }

        /** Corrected share of the reviewed instances; NaN when none was reviewed. */
        public double correctionRate() {
            return reviewed == 0 ? Double.NaN : (double) reviewedCorrected / reviewed;
        }
    }

    /**
     * Reads the topic's latest value per {@code modelVersion|field}.
     *
     * @param kafka client settings ({@code bootstrap.servers}, TLS, SASL)
     * @param registryUrl the schema registry
     * @param timeout for the whole read
     * @return rows by model version, then field
     */
    public static List<Row> read(Map<String, Object> kafka, String registryUrl, Duration timeout)
            throws TimeoutException {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, QualityRecord> latest = new TreeMap<>();
        AvroDeserializer<QualityRecord> values = new AvroDeserializer<>();
        values.configure(props, false);
        try (KafkaConsumer<String, QualityRecord> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(Topics.QUALITY, timeout)) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(
                            "reading " + Topics.QUALITY + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, QualityRecord> r :
                        consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        return latest.values().stream()
                .map(Row::of)
                .sorted(Comparator.comparing(Row::modelVersion).thenComparing(Row::field))
                .toList();
    }

    /** The table {@code medvie quality --show} prints: one line per model version and field. */
    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        // Columns as wide as their longest value, so long field paths do not shift the counts.
        int versionWidth = "model version".length();
        int fieldWidth = "field".length();
        for (Row r : rows) {
            versionWidth = Math.max(versionWidth, r.modelVersion().length());
            fieldWidth = Math.max(fieldWidth, r.field().length());
        }
        String format =
                "%-"
                        + versionWidth
                        + "s  %-"
                        + fieldWidth
                        + "s %9s %9s %9s %9s %9s %10s %9s %9s %9s%n";
        out.append(
                String.format(
                        Locale.ROOT,
                        format,
                        "model version",
                        "field",
                        "auto chk",
                        "auto ok",
                        "auto acc",
                        "reviewed",
                        "corrected",
                        "corr rate",
                        "conf chk",
                        "conf acc",
                        "flag acc"));
        for (Row r : rows) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            format,
                            r.modelVersion(),
                            r.field(),
                            r.autoAcceptedChecked(),
                            r.autoAcceptedCorrect(),
                            percent(r.autoAcceptedAccuracy()),
                            r.reviewed(),
                            r.reviewedCorrected(),
                            percent(r.correctionRate()),
                            r.confidentChecked(),
                            percent(r.confidentAccuracy()),
                            percent(r.flaggedAccuracy())));
        }
        return out.toString();
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }
}
