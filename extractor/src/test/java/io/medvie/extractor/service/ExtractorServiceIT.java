package io.medvie.extractor.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.events.ExtractedField;
import io.medvie.events.ExtractionResult;
import io.medvie.events.ExtractionStatus;
import io.medvie.events.FieldCheck;
import io.medvie.events.ReviewTask;
import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.dlq.DeadLetterTopic;
import io.medvie.schemas.dlq.DeadLetters;
import io.medvie.schemas.json.DocumentSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 1: 50 reports in, exactly 50 extractions out, routed ones also as review tasks. */
class ExtractorServiceIT {
    @TempDir Path dir;

    @Test
    void everyReportGivesExactlyOneExtractionAndBadOnesGoToTheDlq() throws Exception {
        try (StreamFixture stream = new StreamFixture(dir)) {
            // Bad reports first: the ones after them must still be extracted.
            // Passes ingest's checks (magic bytes, end marker) but is no PDF inside.
            byte[] corrupt =
                    "%PDF-1.7\nthis is not a PDF body\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            String corruptId = stream.submit(corrupt).reportId();
            // A type no reader supports, announced by a producer other than our ingest.
            byte[] unsupported = "{\\rtf1 not a report}".getBytes(StandardCharsets.US_ASCII);
            String unsupportedId = stream.announce(unsupported, "application/rtf");
            List<String> ids = stream.submitSynthetic(50, 11);

            Map<String, String> settings = stream.extractorSettings("in-process", "g1");
            settings.put("medvie.extractor.metrics.port", "0");
            try (ExtractorRuntime extractor =
                    ExtractorRuntime.start(ExtractorConfig.from(Settings.of(settings)))) {
                List<ConsumerRecord<String, ExtractionResult>> out =
                        stream.extractions(50, Duration.ofMinutes(4));

                assertThat(out).hasSize(50);
                assertThat(out)
                        .extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrderElementsOf(ids);
                for (ConsumerRecord<String, ExtractionResult> r : out) {
                    ExtractionResult e = r.value();
                    assertThat(e.getModelVersion())
                            .isNotBlank()
                            .isEqualTo(extractor.modelVersion());
                    assertThat(e.getSchemaVersion()).isEqualTo(DocumentSchemas.LAB_REPORT_VERSION);
                    assertThat(e.getFields()).isNotEmpty();
                    assertThat(e.getTimingsMs()).containsKeys("read", "model", "decode");
                }

                List<ExtractionResult> routed =
                        out.stream()
                                .map(ConsumerRecord::value)
                                .filter(e -> e.getStatus() == ExtractionStatus.NEEDS_REVIEW)
                                .toList();
                List<ConsumerRecord<String, ReviewTask>> tasks =
                        stream.reviewTasks(routed.size(), Duration.ofSeconds(30));
                assertThat(tasks).hasSize(routed.size());
                Map<String, ReviewTask> taskByReport =
                        tasks.stream()
                                .collect(
                                        Collectors.toMap(
                                                ConsumerRecord::key, ConsumerRecord::value));
                for (ExtractionResult e : routed) {
                    ReviewTask task = taskByReport.get(e.getReportId());
                    assertThat(task).as("task of " + e.getReportId()).isNotNull();
                    assertThat(task.getReasons()).isNotEmpty().isEqualTo(e.getReasons());
                    assertThat(task.getChecks()).isNotEmpty();
                    // Each checked field carries its check on the extraction too, and no other.
                    Set<String> checked =
                            task.getChecks().stream()
                                    .map(FieldCheck::getPath)
                                    .collect(Collectors.toSet());
                    assertThat(
                                    e.getFields().stream()
                                            .filter(f -> f.getCheck() != null)
                                            .map(ExtractedField::getPath))
                            .containsExactlyInAnyOrderElementsOf(
                                    e.getFields().stream()
                                            .map(ExtractedField::getPath)
                                            .filter(checked::contains)
                                            .toList());
                }
                assertThat(
                                routed.stream()
                                        .flatMap(e -> e.getFields().stream())
                                        .filter(f -> f.getCheck() != null)
                                        .map(ExtractedField::getCheck))
                        .as("checks carried on the extracted fields")
                        .isNotEmpty()
                        .allMatch(c -> c.startsWith("LOW_CONFIDENCE") || c.startsWith("SCHEMA"));
                assertThat(
                                out.stream()
                                        .filter(
                                                r ->
                                                        r.value().getStatus()
                                                                == ExtractionStatus.AUTO_ACCEPTED)
                                        .allMatch(
                                                r ->
                                                        r.value().getReasons().isEmpty()
                                                                && r.value().getFields().stream()
                                                                        .allMatch(
                                                                                f ->
                                                                                        f.getCheck()
                                                                                                == null)))
                        .isTrue();

                List<ConsumerRecord<byte[], byte[]>> dlq =
                        stream.deadLetters(2, Duration.ofSeconds(30));
                assertThat(dlq)
                        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrder(corruptId, unsupportedId);
                for (ConsumerRecord<byte[], byte[]> letter : dlq) {
                    assertThat(DeadLetters.header(letter.headers(), DlqHeaders.ORIGINAL_TOPIC))
                            .isEqualTo(Topics.REPORTS);
                    assertThat(DeadLetters.header(letter.headers(), DlqHeaders.ORIGINAL_OFFSET))
                            .isNotBlank();
                    assertThat(DeadLetters.header(letter.headers(), DlqHeaders.STAGE))
                            .isEqualTo("extractor");
                    assertThat(DeadLetters.header(letter.headers(), DlqHeaders.ERROR_CLASS))
                            .isNotBlank();
                }
                assertThat(extractor.metrics().scrape())
                        .contains("medvie_extractor_reports_total")
                        .contains("medvie_extractor_dlq_total 2.0")
                        .contains("version=\"" + extractor.modelVersion() + "\"");
                Map<String, Long> perId =
                        out.stream()
                                .collect(
                                        Collectors.groupingBy(
                                                ConsumerRecord::key, Collectors.counting()));
                assertThat(perId.values()).containsOnly(1L);
                assertThat(perId).doesNotContainKeys(corruptId, unsupportedId);

                // Replay sends the original bytes back to medvie.reports; still unreadable, they
                // come back to the DLQ, byte for byte.
                DeadLetterTopic topic =
                        new DeadLetterTopic(
                                Map.of("bootstrap.servers", stream.kafka.bootstrapServers()),
                                "extractor");
                assertThat(topic.replay(topic.readAll(), null)).isEqualTo(2);
                List<ConsumerRecord<byte[], byte[]>> after =
                        stream.deadLetters(4, Duration.ofMinutes(1));
                assertThat(after).hasSize(4);
                for (int i = 0; i < 2; i++) {
                    ConsumerRecord<byte[], byte[]> first = after.get(i);
                    ConsumerRecord<byte[], byte[]> again =
                            after.stream()
                                    .skip(2)
                                    .filter(r -> java.util.Arrays.equals(r.key(), first.key()))
                                    .findFirst()
                                    .orElseThrow();
                    assertThat(again.value()).isEqualTo(first.value());
                }
            }
        }
    }
}
