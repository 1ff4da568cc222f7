package io.medvie.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.broker.EmbeddedKafka;
import io.medvie.events.AuditEvent;
import io.medvie.events.Box;
import io.medvie.events.Correction;
import io.medvie.events.ExtractedField;
import io.medvie.events.ExtractionResult;
import io.medvie.events.ExtractionStatus;
import io.medvie.events.FieldCheck;
import io.medvie.events.ModelPublished;
import io.medvie.events.QualityRecord;
import io.medvie.events.ReportSource;
import io.medvie.events.ReportSubmitted;
import io.medvie.events.ReviewAccount;
import io.medvie.events.ReviewRole;
import io.medvie.events.ReviewState;
import io.medvie.events.ReviewStatus;
import io.medvie.events.ReviewTask;
import io.medvie.events.VerifiedSample;
import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every event type through the real serde and the embedded registry on a real broker. */
class EventRoundTripIT {
    @TempDir Path dir;

    @Test
    void everyEventTypeRoundTripsInTheConfluentWireFormat() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir);
                EmbeddedSchemaRegistry registry =
                        EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
            props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
            AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
            serializer.configure(props, false);
            AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>();
            deserializer.configure(props, false);
            SchemaRegistryClient client = SchemaRegistryClient.create(registry.url());

            Map<String, SpecificRecord> samples = samples();
            assertThat(samples.keySet())
                    .containsExactlyElementsOf(EventTypes.valueSchemas().keySet());
            for (Map.Entry<String, SpecificRecord> e : samples.entrySet()) {
                String topic = e.getKey();
                SpecificRecord event = e.getValue();
                assertThat(event.getSchema()).isEqualTo(EventTypes.valueSchemas().get(topic));
                byte[] bytes = serializer.serialize(topic, event);

                assertThat(bytes[0]).as("magic byte").isZero();
                int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
                assertThat(client.getLatestVersion(Topics.valueSubject(topic)).id())
                        .as("id in the payload is the one registered under " + topic + "-value")
                        .isEqualTo(id);
                assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(event);
            }
        }
    }

    private static Map<String, SpecificRecord> samples() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ExtractedField field =
                ExtractedField.newBuilder()
                        .setPath("tests[0].value")
                        .setValue("13.2")
                        .setConfidence(0.42f)
                        .setPage(0)
                        .setBox(new Box(10f, 20f, 30f, 8f))
                        .build();
        Map<String, SpecificRecord> m = new LinkedHashMap<>();
        m.put(
                Topics.REPORTS,
                ReportSubmitted.newBuilder()
                        .setReportId("r-1")
                        .setSha256("ab".repeat(32))
                        .setBlobUri("blob:sha256:" + "ab".repeat(32))
                        .setMediaType("application/pdf")
                        .setSizeBytes(1234)
                        .setPageCount(2)
                        .setSource(ReportSource.CLI)
                        .setSubmittedAt(now)
                        .build());
        m.put(
                Topics.EXTRACTIONS,
                ExtractionResult.newBuilder()
                        .setReportId("r-1")
                        .setBlobUri("blob:sha256:x")
                        .setMediaType("application/pdf")
                        .setModelVersion("m-3")
                        .setSchemaVersion("1")
                        .setDocument("{\"tests\":[]}")
                        .setFields(List.of(field))
                        .setStatus(ExtractionStatus.NEEDS_REVIEW)
                        .setReasons(List.of("LOW_CONFIDENCE tests[0].value"))
                        .setTimingsMs(Map.of("ocr", 700L))
                        .setExtractedAt(now)
                        .build());
        m.put(
                Topics.REVIEW_TASKS,
                ReviewTask.newBuilder()
                        .setTaskId("t-1")
                        .setReportId("r-1")
                        .setBlobUri("blob:sha256:x")
                        .setMediaType("image/png")
                        .setModelVersion("m-3")
                        .setDocument("{}")
                        .setFields(List.of(field))
                        .setChecks(List.of(new FieldCheck("tests[0].value", "LOW_CONFIDENCE")))
                        .setReasons(List.of("LOW_CONFIDENCE"))
                        .setPriority(0.42)
                        .setCreatedAt(now)
                        .build());
        m.put(
                Topics.VERIFIED_SAMPLES,
                VerifiedSample.newBuilder()
                        .setReportId("r-1")
                        .setTaskId("t-1")
                        .setBlobUri("blob:sha256:x")
                        .setMediaType("image/png")
                        .setVerifiedDocument("{\"a\":1}")
                        .setModelDocument("{\"a\":2}")
                        .setModelVersion("m-3")
                        .setReviewer("rev1")
                        .setCorrections(List.of(new Correction("tests[0].value", "13.2", "18.2")))
                        .setVerifiedAt(now)
                        .build());
        m.put(
                Topics.MODELS,
                ModelPublished.newBuilder()
                        .setModelName("lab-report")
                        .setVersion("m-4")
                        .setParentVersion("m-3")
                        .setBlobUri("blob:sha256:y")
                        .setSha256("cd".repeat(32))
                        .setSchemaVersion("1")
                        .setMetrics(Map.of("f1", 0.81))
                        .setSeeds(Map.of("train", 7L))
                        .setSampleIds(List.of("r-1"))
                        .setCreatedAt(now)
                        .build());
        m.put(
                Topics.QUALITY,
                QualityRecord.newBuilder()
                        .setModelVersion("m-4")
                        .setField("tests.value")
                        .setAutoAcceptedChecked(10)
                        .setAutoAcceptedCorrect(9)
                        .setUpdatedAt(now)
                        .build());
        m.put(
                Topics.AUDIT,
                AuditEvent.newBuilder()
                        .setEventId("e-1")
                        .setEntityType("task")
                        .setEntityId("t-1")
                        .setAction("submit")
                        .setActor("rev1")
                        .setAt(now)
                        .setPreviousHash("00")
                        .setHash("11")
                        .build());
        m.put(
                Topics.REVIEW_STATE,
                ReviewState.newBuilder()
                        .setTaskId("t-1")
                        .setReportId("r-1")
                        .setStatus(ReviewStatus.CLAIMED)
                        .setVersion(3)
                        .setClaimedBy("rev1")
                        .setClaimedAt(now)
                        .setLeaseUntil(now.plusSeconds(300))
                        .setUpdatedAt(now)
                        .build());
        m.put(
                Topics.REVIEW_ACCOUNTS,
                ReviewAccount.newBuilder()
                        .setUsername("rev1")
                        .setRole(ReviewRole.REVIEWER)
                        .setPasswordHash("$2a$10$abcdefghijklmnopqrstuv")
                        .setCreatedAt(now)
                        .setUpdatedAt(now)
                        .setUpdatedBy("cli")
                        .build());
        return m;
    }
}
