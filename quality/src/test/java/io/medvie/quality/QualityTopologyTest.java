package io.medvie.quality;

import static io.medvie.quality.Events.document;
import static io.medvie.quality.Events.extraction;
import static io.medvie.quality.Events.flagged;
import static io.medvie.quality.Events.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.events.ExtractionResult;
import io.medvie.events.QualityRecord;
import io.medvie.events.VerifiedSample;
import io.medvie.quality.state.ReportContribution;
import io.medvie.quality.state.RoutedExtraction;
import io.medvie.quality.state.VerifiedOutcome;
import io.medvie.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology in a {@code TopologyTestDriver}, with serdes made from the generated classes' own
 * single-object encoders, so no registry is involved (production uses the registry serdes).
 */
class QualityTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ExtractionResult> extractions;
    private TestInputTopic<String, VerifiedSample> samples;
    private TestOutputTopic<String, QualityRecord> quality;
    private Instant clock = T0;

    static QualitySerdes plainAvroSerdes() {
        return new QualitySerdes(
                serde(ExtractionResult.getEncoder(), ExtractionResult.getDecoder()),
                serde(VerifiedSample.getEncoder(), VerifiedSample.getDecoder()),
                serde(QualityRecord.getEncoder(), QualityRecord.getDecoder()),
                serde(RoutedExtraction.getEncoder(), RoutedExtraction.getDecoder()),
                serde(VerifiedOutcome.getEncoder(), VerifiedOutcome.getDecoder()),
                serde(ReportContribution.getEncoder(), ReportContribution.getDecoder()));
    }

    private static <T> Serde<T> serde(BinaryMessageEncoder<T> enc, BinaryMessageDecoder<T> dec) {
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    try {
                        ByteBuffer b = enc.encode(value);
                        return Arrays.copyOfRange(
                                b.array(),
                                b.arrayOffset() + b.position(),
                                b.arrayOffset() + b.limit());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return dec.decode(bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @TempDir Path stateDir;

    @BeforeEach
    void start() {
        QualitySerdes serdes = plainAvroSerdes();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "quality-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(QualityTopology.build(serdes), props);
        extractions =
                driver.createInputTopic(
                        Topics.EXTRACTIONS,
                        Serdes.String().serializer(),
                        serdes.extraction().serializer());
        samples =
                driver.createInputTopic(
                        Topics.VERIFIED_SAMPLES,
                        Serdes.String().serializer(),
                        serdes.verifiedSample().serializer());
        quality =
                driver.createOutputTopic(
                        Topics.QUALITY,
                        Serdes.String().deserializer(),
                        serdes.quality().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    private void extract(ExtractionResult e) {
        extractions.pipeInput(e.getReportId(), e, tick());
    }

    private void verify(VerifiedSample s) {
        samples.pipeInput(s.getReportId(), s, tick());
    }

    /** The counts store: what the topic's latest values are, read without the output's history. */
    private QualityRecord counts(String modelVersion, String field) {
        KeyValueStore<String, ValueAndTimestamp<QualityRecord>> store =
                driver.getTimestampedKeyValueStore(QualityTopology.COUNTS_STORE);
        ValueAndTimestamp<QualityRecord> v = store.get(QualityTopology.key(modelVersion, field));
        return v == null ? null : v.value();
    }

    private static void assertCounts(
            QualityRecord r, long autoChecked, long autoCorrect, long reviewed, long corrected) {
        assertThat(r).as("quality record").isNotNull();
        assertThat(
                        List.of(
                                r.getAutoAcceptedChecked(),
                                r.getAutoAcceptedCorrect(),
                                r.getReviewedCount(),
                                r.getReviewedCorrected()))
                .as(
                        r.getModelVersion()
                                + "|"
                                + r.getField()
                                + " auto checked, auto correct,"
                                + " reviewed, corrected")
                .containsExactly(autoChecked, autoCorrect, reviewed, corrected);
    }

    @Test
    void anAuditedReportCountsItsFieldsAsAutoAcceptedCheckedAndCorrectWhenTheyWereRight() {
        String model = document("Ann  Lee", "Hemoglobin", "13.5", "g/dL", "WBC", "6.1", "10^9/L");
        // Whitespace differences are not errors; the WBC value is.
        String truth = document("Ann Lee", "Hemoglobin", "13.5", "g / dL", "WBC", "8.1", "10^9/L");
        extract(extraction("r-1", "v1", model, "AUDIT"));
        verify(sample("r-1", "v1", model, truth));

        Map<String, QualityRecord> out = quality.readKeyValuesToMap();
        assertCounts(out.get("v1|patient.name"), 1, 1, 0, 0);
        assertCounts(out.get("v1|test.unit"), 2, 2, 0, 0);
        assertCounts(out.get("v1|test.value"), 2, 1, 0, 0);
        assertCounts(out.get("v1|test.name"), 2, 2, 0, 0);
        assertThat(out).hasSize(4);
        assertThat(out.get("v1|test.value").getUpdatedAt()).isEqualTo(clock);
        assertThat(out.get("v1|test.value").getModelVersion()).isEqualTo("v1");
        assertThat(out.get("v1|test.value").getField()).isEqualTo("test.value");
    }

    @Test
    void aReportRoutedForCauseCountsItsFieldsAsReviewedAndTheChangedOnesAsCorrected() {
        String model = document("Bo Chan", "Glucose", "5.4", "mmol/L");
        String truth = document("Bo Chan", "Glucose", "5.9", "mmol/L");
        extract(extraction("r-2", "v1", model, "LOW_CONFIDENCE"));
        verify(sample("r-2", "v1", model, truth));

        assertCounts(counts("v1", "test.value"), 0, 0, 1, 1);
        assertCounts(counts("v1", "patient.name"), 0, 0, 1, 0);
        assertCounts(counts("v1", "test.unit"), 0, 0, 1, 0);
    }

    @Test
    void aRoutedReportsFieldsAreSplitIntoFlaggedAndConfidentWithTheirOwnAccuracy() {
        String model =
                document(
                        "Di Eng",
                        "Sodium",
                        "140",
                        "mmol/L",
                        "Potassium",
                        "4.2",
                        "mmol/L",
                        "Urea",
                        "5.1",
                        "mmol/L");
        // The reviewer corrects one flagged value (row 1) and one confident value (row 2).
        String truth =
                document(
                        "Di Eng",
                        "Sodium",
                        "140",
                        "mmol/L",
                        "Potassium",
                        "4.7",
                        "mmol/L",
                        "Urea",
                        "6.1",
                        "mmol/L");
        extract(flagged("r-9", "v1", model, "tests[0].value", "tests[1].value", "tests[1].unit"));
        verify(sample("r-9", "v1", model, truth));

        QualityRecord value = counts("v1", "test.value");
        assertCounts(value, 0, 0, 3, 2);
        assertThat(
                        List.of(
                                value.getFlaggedChecked(),
                                value.getFlaggedCorrect(),
                                value.getConfidentChecked(),
                                value.getConfidentCorrect()))
                .as("flagged checked, flagged correct, confident checked, confident correct")
                .containsExactly(2L, 1L, 1L, 0L);
        QualityRecord unit = counts("v1", "test.unit");
        assertThat(
                        List.of(
                                unit.getFlaggedChecked(),
                                unit.getFlaggedCorrect(),
                                unit.getConfidentChecked(),
                                unit.getConfidentCorrect()))
                .containsExactly(1L, 1L, 2L, 2L);
        QualityRecord name = counts("v1", "patient.name");
        assertThat(name.getFlaggedChecked()).isZero();
        assertThat(name.getConfidentChecked()).isEqualTo(1L);
        assertThat(name.getConfidentCorrect()).isEqualTo(1L);
    }

    @Test
    void aFieldTheModelMissedOrInventedIsCountedAsWrong() {
        String model = document("Cy Dee", "Sodium", "140", "mmol/L");
        String truth = document("Cy Dee", "Sodium", "140", "mmol/L", "Potassium", "4.2", "mmol/L");
        extract(extraction("r-3", "v1", model, "MISSING_REQUIRED", "LOW_CONFIDENCE"));
        verify(sample("r-3", "v1", model, truth));
        assertCounts(counts("v1", "test.value"), 0, 0, 2, 1);

        String invented = document("Cy Dee", "Sodium", "140", "mmol/L", "Urea", "7", "mmol/L");
        extract(extraction("r-4", "v1", invented, "AUDIT"));
        verify(sample("r-4", "v1", invented, model));
        assertCounts(counts("v1", "test.value"), 2, 1, 2, 1);
    }

    @Test
    void modelVersionsKeepSeparateCountsAndReportsOfOneVersionAddUp() {
        String right = document("Di Eng", "Hemoglobin", "12.0", "g/dL");
        String wrong = document("Di Eng", "Hemoglobin", "17.0", "g/dL");
        extract(extraction("r-5", "v1", wrong, "AUDIT"));
        verify(sample("r-5", "v1", wrong, right));
        extract(extraction("r-6", "v2", right, "AUDIT"));
        verify(sample("r-6", "v2", right, right));
        extract(extraction("r-7", "v2", right, "AUDIT"));
        verify(sample("r-7", "v2", right, right));

        assertCounts(counts("v1", "test.value"), 1, 0, 0, 0);
        assertCounts(counts("v2", "test.value"), 2, 2, 0, 0);
        Map<String, QualityRecord> out = quality.readKeyValuesToMap();
        assertThat(out).containsKeys("v1|test.value", "v2|test.value");
        assertCounts(out.get("v2|patient.name"), 2, 2, 0, 0);
    }

    @Test
    void aSampleVerifiedBeforeItsExtractionArrivesStillJoins() {
        String model = document("Ed Fox", "Calcium", "2.3", "mmol/L");
        verify(sample("r-8", "v3", model, model));
        assertThat(quality.isEmpty()).as("nothing to count before the extraction").isTrue();

        extract(extraction("r-8", "v3", model, "AUDIT"));
        assertCounts(quality.readKeyValuesToMap().get("v3|test.value"), 1, 1, 0, 0);
    }

    @Test
    void aReportVerifiedTwiceCountsOnceWithItsLatestVerification() {
        String model = document("Flo Gu", "Ferritin", "30", "ug/L");
        String corrected = document("Flo Gu", "Ferritin", "80", "ug/L");
        extract(extraction("r-9", "v1", model, "LOW_CONFIDENCE"));
        verify(sample("r-9", "v1", model, model));
        assertCounts(counts("v1", "test.value"), 0, 0, 1, 0);
        quality.readRecordsToList();

        // The same sample again (a redelivery): nothing changes, nothing is emitted.
        verify(sample("r-9", "v1", model, model));
        assertThat(quality.isEmpty()).isTrue();
        // The same extraction again (a reprocessed report): nothing changes either.
        extract(extraction("r-9", "v1", model, "LOW_CONFIDENCE"));
        assertThat(quality.isEmpty()).isTrue();

        // Verified again with a correction: the report now counts as corrected, still once.
        verify(sample("r-9", "v1", model, corrected));
        assertCounts(counts("v1", "test.value"), 0, 0, 1, 1);
        assertCounts(quality.readKeyValuesToMap().get("v1|test.value"), 0, 0, 1, 1);
        assertCounts(counts("v1", "patient.name"), 0, 0, 1, 0);
    }

    @Test
    void autoAcceptedReportsAndSamplesOfAnotherModelVersionAreNotCounted() {
        String model = document("Gil Ho", "Albumin", "40", "g/L");
        // Auto-accepted and not drawn for audit: never stored, so a sample cannot join it.
        extract(extraction("r-10", "v1", model));
        verify(sample("r-10", "v1", model, model));
        // Routed under v2, but the sample is of a v1 task: not counted.
        extract(extraction("r-11", "v2", model, "AUDIT"));
        verify(sample("r-11", "v1", model, model));

        assertThat(quality.isEmpty()).isTrue();
        assertThat(counts("v1", "test.value")).isNull();
        assertThat(counts("v2", "test.value")).isNull();
    }

    @Test
    void aReportReExtractedByANewerModelMovesItsCountsToTheVersionItsSampleMatches() {
        String model = document("Hal Ito", "Lactate", "1.1", "mmol/L");
        extract(extraction("r-12", "v1", model, "AUDIT"));
        verify(sample("r-12", "v1", model, model));
        assertCounts(counts("v1", "test.value"), 1, 1, 0, 0);

        // Extracted again by v2 and routed: the v1 sample no longer matches, so v1 gives it back.
        extract(extraction("r-12", "v2", model, "LOW_CONFIDENCE"));
        assertCounts(counts("v1", "test.value"), 0, 0, 0, 0);
        verify(sample("r-12", "v2", model, document("Hal Ito", "Lactate", "1.7", "mmol/L")));
        assertCounts(counts("v2", "test.value"), 0, 0, 1, 1);
        assertCounts(counts("v1", "test.value"), 0, 0, 0, 0);
    }

    @Test
    void aSampleWhoseDocumentIsNotJsonIsSkippedAndTheStreamGoesOn() {
        String model = document("Ida Jo", "Iron", "15", "umol/L");
        extract(extraction("r-13", "v1", model, "AUDIT"));
        verify(sample("r-13", "v1", model, "{not json"));
        assertThat(quality.isEmpty()).isTrue();

        extract(extraction("r-14", "v1", model, "AUDIT"));
        verify(sample("r-14", "v1", model, model));
        assertCounts(counts("v1", "test.value"), 1, 1, 0, 0);
    }
}
