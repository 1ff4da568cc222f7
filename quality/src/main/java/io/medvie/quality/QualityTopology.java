package io.medvie.quality;

import io.medvie.events.ExtractionResult;
import io.medvie.events.ExtractionStatus;
import io.medvie.events.QualityRecord;
import io.medvie.events.VerifiedSample;
import io.medvie.quality.state.ReportContribution;
import io.medvie.quality.state.RoutedExtraction;
import io.medvie.quality.state.VerifiedOutcome;
import io.medvie.schemas.Topics;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live quality: extractions joined with verified samples by report id, counted per model version
 * and field leaf into {@link QualityRecord}s on {@value Topics#QUALITY} (key {@code
 * modelVersion|field}).
 *
 * <pre>
 * medvie.extractions ─ routed only ─> RoutedExtraction ─────────────> table ─┐
 *                                                                            join by report id
 * medvie.verified-samples ─> per-field outcome ─> repartition ─> table ──────┘
 *   ─> per-report contribution ─> minus its previous one (ContributionDeltas)
 *   ─> repartition by modelVersion|field ─> sum ─> medvie.quality
 * </pre>
 *
 * <p>Definitions (docs/quality.md): routing is decided per report, so a report whose only reason
 * was the audit draw is one the router would have auto-accepted, and all its fields count as
 * auto-accepted and checked; a report routed for cause (low confidence, missing field, schema)
 * counts all its fields as reviewed, and splits the model's instances of each field into those the
 * extractor flagged for a check ({@code ExtractedField.check}) and the confident rest: the
 * confident ones' accuracy says whether a threshold is low enough. Auto-accepted reports that were
 * not drawn are never verified and so never counted.
 *
 * <p>Both inputs are tables, so order does not matter (a sample arriving before its extraction
 * still joins) and the latest sample of a report replaces the earlier one instead of adding to it.
 * A sample whose model version is not that of the report's latest routed extraction is not counted.
 */
public final class QualityTopology {
    private static final Logger log = LoggerFactory.getLogger(QualityTopology.class);

    /** The latest routed extraction per report id. */
    public static final String ROUTED_STORE = "routed-extractions";

    /** The latest verified outcome per report id. */
    public static final String VERIFIED_STORE = "verified-outcomes";

    /** What each report last added to the counts. */
    public static final String CONTRIBUTIONS_STORE = "contributions";

    /**
     * The extractor's reason for a report sent to review by the audit draw alone ({@code
     * Router.AUDIT}; the extractor module is not a dependency of this one).
     */
    static final String AUDIT = "AUDIT";

    /** The counts per {@code modelVersion|field}. */
    public static final String COUNTS_STORE = "quality-counts";

    private QualityTopology() {}

    public static Topology build(QualitySerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();

        KTable<String, RoutedExtraction> routed =
                builder.stream(
                                Topics.EXTRACTIONS,
                                Consumed.with(Serdes.String(), serdes.extraction())
                                        .withName("extractions"))
                        // Only routed reports can ever be verified: keeping the others would grow
                        // the store by every report for nothing.
                        .filter(
                                (reportId, e) ->
                                        e != null && e.getStatus() == ExtractionStatus.NEEDS_REVIEW,
                                Named.as("routed-only"))
                        .mapValues(QualityTopology::routing, Named.as("routing"))
                        .toTable(
                                Named.as("routed-table"),
                                Materialized
                                        .<String, RoutedExtraction, KeyValueStore<Bytes, byte[]>>as(
                                                ROUTED_STORE)
                                        .withKeySerde(Serdes.String())
                                        .withValueSerde(serdes.routedExtraction()));

        KTable<String, VerifiedOutcome> verified =
                builder.stream(
                                Topics.VERIFIED_SAMPLES,
                                Consumed.with(Serdes.String(), serdes.verifiedSample())
                                        .withName("verified-samples"))
                        .mapValues(QualityTopology::outcome, Named.as("outcome"))
                        // The join needs both sides co-partitioned, and verified samples have
                        // fewer partitions than extractions. Repartitioning the smaller, slimmed
                        // side lets Kafka Streams give it the extractions' partition count.
                        .repartition(
                                Repartitioned.<String, VerifiedOutcome>as("verified-by-report")
                                        .withKeySerde(Serdes.String())
                                        .withValueSerde(serdes.verifiedOutcome()))
                        .toTable(
                                Named.as("verified-table"),
                                Materialized
                                        .<String, VerifiedOutcome, KeyValueStore<Bytes, byte[]>>as(
                                                VERIFIED_STORE)
                                        .withKeySerde(Serdes.String())
                                        .withValueSerde(serdes.verifiedOutcome()));

        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CONTRIBUTIONS_STORE),
                        Serdes.String(),
                        serdes.contribution()));

        verified.join(routed, QualityTopology::contribution, Named.as("join"))
                .toStream(Named.as("contributions-stream"))
                .process(
                        () -> new ContributionDeltas(CONTRIBUTIONS_STORE),
                        Named.as("deltas"),
                        CONTRIBUTIONS_STORE)
                .groupByKey(Grouped.with("by-field", Serdes.String(), serdes.quality()))
                .reduce(
                        QualityTopology::sum,
                        Named.as("sum"),
                        Materialized.<String, QualityRecord, KeyValueStore<Bytes, byte[]>>as(
                                        COUNTS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(serdes.quality()))
                .toStream(Named.as("counts-stream"))
                .to(
                        Topics.QUALITY,
                        Produced.with(Serdes.String(), serdes.quality()).withName("quality"));
        return builder.build();
    }

    /** The key of a count on {@value Topics#QUALITY}. */
    public static String key(String modelVersion, String field) {
        return modelVersion + "|" + field;
    }

    /**
     * The report's route: audit when the audit draw was its only reason (the router adds {@code
     * AUDIT} only to a report with no other reason).
     */
    static RoutedExtraction routing(ExtractionResult e) {
        List<String> reasons = e.getReasons();
        boolean audit = reasons.size() == 1 && AUDIT.equals(reasons.get(0));
        List<String> flagged =
                e.getFields().stream()
                        .filter(f -> f.getCheck() != null)
                        .map(f -> f.getPath())
                        .toList();
        return new RoutedExtraction(e.getModelVersion(), audit, flagged);
    }

    /** A sample's per-field counts, or null (no contribution) when its documents are not JSON. */
    static VerifiedOutcome outcome(String reportId, VerifiedSample sample) {
        if (sample == null) {
            return null;
        }
        try {
            FieldOutcomes.Outcome o =
                    FieldOutcomes.outcome(sample.getModelDocument(), sample.getVerifiedDocument());
            return new VerifiedOutcome(sample.getModelVersion(), o.fields(), o.instances());
        } catch (IllegalArgumentException e) {
            log.warn("Verified sample of report {} not counted: {}", reportId, e.getMessage());
            return null;
        }
    }

    /** Null (no contribution) when the sample is of another model version than the extraction. */
    static ReportContribution contribution(VerifiedOutcome verified, RoutedExtraction routed) {
        if (!verified.getModelVersion().equals(routed.getModelVersion())) {
            return null;
        }
        return new ReportContribution(
                routed.getModelVersion(),
                routed.getAudit(),
                FieldOutcomes.split(
                        verified.getFields(),
                        verified.getInstances(),
                        new HashSet<>(routed.getFlagged())));
    }

    static QualityRecord sum(QualityRecord a, QualityRecord b) {
        Instant updated =
                a.getUpdatedAt().isAfter(b.getUpdatedAt()) ? a.getUpdatedAt() : b.getUpdatedAt();
        return QualityRecord.newBuilder()
                .setModelVersion(a.getModelVersion())
                .setField(a.getField())
                .setAutoAcceptedChecked(a.getAutoAcceptedChecked() + b.getAutoAcceptedChecked())
                .setAutoAcceptedCorrect(a.getAutoAcceptedCorrect() + b.getAutoAcceptedCorrect())
                .setReviewedCount(a.getReviewedCount() + b.getReviewedCount())
                .setReviewedCorrected(a.getReviewedCorrected() + b.getReviewedCorrected())
                .setConfidentChecked(a.getConfidentChecked() + b.getConfidentChecked())
                .setConfidentCorrect(a.getConfidentCorrect() + b.getConfidentCorrect())
                .setFlaggedChecked(a.getFlaggedChecked() + b.getFlaggedChecked())
                .setFlaggedCorrect(a.getFlaggedCorrect() + b.getFlaggedCorrect())
                .setUpdatedAt(updated)
                .build();
    }
}
