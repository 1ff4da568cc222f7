package io.medvie.quality;

import io.medvie.events.ExtractedField;
import io.medvie.events.ExtractionResult;
import io.medvie.events.ExtractionStatus;
import io.medvie.events.VerifiedSample;
import java.time.Instant;
import java.util.List;

/** Synthetic events for the quality tests: made-up names and values, no patient data. */
final class Events {
    private Events() {}

    /** A lab-report document with a patient name and test rows of (name, value, unit). */
    static String document(String patientName, String... rows) {
        StringBuilder tests = new StringBuilder();
        for (int i = 0; i + 2 < rows.length; i += 3) {
            if (tests.length() > 0) {
                tests.append(',');
            }
            tests.append(
                    String.format(
                            "{\"name\":\"%s\",\"value\":\"%s\",\"unit\":\"%s\"}",
                            rows[i], rows[i + 1], rows[i + 2]));
        }
        return "{\"patient\":{\"name\":\"" + patientName + "\"},\"tests\":[" + tests + "]}";
    }

    static ExtractionResult extraction(
            String reportId, String modelVersion, String document, String... reasons) {
        return ExtractionResult.newBuilder()
                .setReportId(reportId)
                .setBlobUri("blob:sha256/" + reportId)
                .setMediaType("application/pdf")
                .setModelVersion(modelVersion)
                .setSchemaVersion("1")
                .setDocument(document)
                .setFields(List.of())
                .setStatus(
                        reasons.length == 0
                                ? ExtractionStatus.AUTO_ACCEPTED
                                : ExtractionStatus.NEEDS_REVIEW)
                .setReasons(List.of(reasons))
                .setExtractedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .build();
    }

    /** A routed extraction whose fields at {@code flagged} paths carry a routing check. */
    static ExtractionResult flagged(
            String reportId, String modelVersion, String document, String... flagged) {
        List<ExtractedField> fields = new java.util.ArrayList<>();
        for (String path : flagged) {
            fields.add(
                    ExtractedField.newBuilder()
                            .setPath(path)
                            .setValue("x")
                            .setConfidence(0.5f)
                            .setCheck("LOW_CONFIDENCE 0.50 < 0.80")
                            .build());
        }
        fields.add(
                ExtractedField.newBuilder()
                        .setPath("patient.name")
                        .setValue("x")
                        .setConfidence(0.99f)
                        .build());
        return ExtractionResult.newBuilder(
                        extraction(reportId, modelVersion, document, "LOW_CONFIDENCE"))
                .setFields(fields)
                .build();
    }

    static VerifiedSample sample(
            String reportId, String modelVersion, String modelDocument, String verified) {
        return VerifiedSample.newBuilder()
                .setReportId(reportId)
                .setTaskId("t-" + reportId + "-" + modelVersion)
                .setBlobUri("blob:sha256/" + reportId)
                .setMediaType("application/pdf")
                .setVerifiedDocument(verified)
                .setModelDocument(modelDocument)
                .setModelVersion(modelVersion)
                .setReviewer("rita")
                .setCorrections(List.of())
                .setVerifiedAt(Instant.parse("2026-01-01T00:01:00Z"))
                .build();
    }
}
