package io.medvie.extractor.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.medvie.blobstore.FileBlobStore;
import io.medvie.events.ExtractionResult;
import io.medvie.extractor.models.ModelSlot;
import io.medvie.extractor.pipeline.Extraction;
import io.medvie.ocr.OcrPool;
import io.medvie.ocr.PageReader;
import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.dlq.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report whose extraction fails every time (a fault injected around the real pipeline) costs its
 * batch a few retries, then goes to the DLQ alone; its batch mates and the reports after it are
 * extracted once each.
 */
class PoisonReportIT {
    @TempDir Path dir;

    @Test
    void aReportThatAlwaysFailsIsDeadLetteredAndTheStreamGoesOn() throws Exception {
        try (StreamFixture stream = new StreamFixture(dir)) {
            List<String> ids = stream.submitSynthetic(8, 21);
            String poison = ids.get(2);
            AtomicInteger poisonedCalls = new AtomicInteger();

            Map<String, String> settings = stream.extractorSettings("poison", "g-poison");
            ExtractorConfig config = ExtractorConfig.from(Settings.of(settings));
            ExtractorMetrics metrics = new ExtractorMetrics();
            ModelSlot<Extraction> slot = new ModelSlot<>(metrics::modelInUse);
            Extraction model = Extraction.withDefaultModel(Device.cpu());
            slot.swap(model, model.manifest().version());
            try (OcrPool pool = new OcrPool()) {
                ReportExtractor real = new PipelineReportExtractor(pool, new PageReader(), slot);
                ReportExtractor faulty =
                        new ReportExtractor() {
                            @Override
                            public List<Outcome> extract(List<Job> jobs) throws Exception {
                                if (jobs.stream()
                                        .anyMatch(j -> j.report().getReportId().equals(poison))) {
                                    poisonedCalls.incrementAndGet();
                                    throw new IllegalStateException("injected inference failure");
                                }
                                return real.extract(jobs);
                            }

                            @Override
                            public String modelVersion() {
                                return real.modelVersion();
                            }
                        };
                try (ExtractorService service =
                        new ExtractorService(
                                        config,
                                        faulty,
                                        new FileBlobStore(stream.blobDir()),
                                        metrics,
                                        Clock.systemUTC())
                                .start()) {
                    List<ConsumerRecord<String, ExtractionResult>> out =
                            stream.extractions(7, Duration.ofMinutes(3));
                    List<ConsumerRecord<byte[], byte[]>> dlq =
                            stream.deadLetters(1, Duration.ofSeconds(30));

                    List<String> expected = new ArrayList<>(ids);
                    expected.remove(poison);
                    assertThat(out)
                            .extracting(ConsumerRecord::key)
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(dlq).hasSize(1);
                    assertThat(new String(dlq.get(0).key(), StandardCharsets.UTF_8))
                            .isEqualTo(poison);
                    assertThat(DeadLetters.header(dlq.get(0).headers(), DlqHeaders.ERROR_CLASS))
                            .isEqualTo(IllegalStateException.class.getName());
                    // Whole-batch attempts before isolation, then the lone attempt.
                    assertThat(poisonedCalls.get()).isEqualTo(ExtractorService.ISOLATE_AFTER + 1);
                    assertThat(service.failure()).isNull();
                }
            } finally {
                metrics.close();
            }
        }
    }
}
