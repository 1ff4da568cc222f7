package io.medvie.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.events.ModelPublished;
import io.medvie.extractor.service.ExtractorConfig;
import io.medvie.extractor.service.ExtractorRuntime;
import io.medvie.model.artifact.DefaultModel;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.dlq.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 3 and 4a of issue 7: verified samples on the topic lead to a gated, published model a
 * running extractor picks up; a candidate made worse on purpose is refused and nothing published.
 */
class TrainerServiceIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HeldOutSplit SPLIT = new HeldOutSplit(30);

    /** A valid verified document, for samples whose bytes are bad. */
    private static final String VALID_DOCUMENT =
            "{\"patient\":{},\"report\":{},\"tests\":[{\"name\":\"Hb\",\"value\":\"1\"}]}";

    @TempDir Path dir;

    @Test
    void verifiedSamplesLeadToAGatedPublishedModelThatTheExtractorPicksUp() throws Exception {
        try (TrainerFixture f = new TrainerFixture(dir)) {
            List<TrainerFixture.Sent> good = f.sendSynthetic(12, 501);
            List<String> trainIds = trainIds(good);
            assertThat(good.size() - trainIds.size())
                    .as("held-out samples")
                    .isGreaterThanOrEqualTo(2);
            // Two bad samples: a blob that is not in the store, and bytes that are no document.
            TrainerFixture.Sent missing =
                    f.send(
                            "r-missing",
                            "blob:sha256:" + "ab".repeat(32),
                            "application/pdf",
                            VALID_DOCUMENT);
            String junkUri = f.blobs.put("not a pdf at all".getBytes(StandardCharsets.UTF_8)).uri();
            TrainerFixture.Sent junk = f.send("r-junk", junkUri, "application/pdf", VALID_DOCUMENT);

            String expectedVersion = ModelVersions.of(1, trainIds);
            String shipped = ModelArtifact.manifest(DefaultModel.bytes()).version();
            Path data = dir.resolve("trainer");
            try (ExtractorRuntime extractor =
                            ExtractorRuntime.start(
                                    ExtractorConfig.from(Settings.of(f.extractorSettings())));
                    TrainerRuntime trainer =
                            TrainerRuntime.start(
                                    TrainerConfig.from(
                                            Settings.of(f.trainerSettings(data, trainIds.size()))
                                                    .with("medvie.trainer.metrics.port", "0")))) {
                assertThat(extractor.modelVersion()).isEqualTo(shipped);
                List<ModelPublished> events = f.models(l -> !l.isEmpty(), Duration.ofMinutes(4));
                assertThat(events).as("events on medvie.models").hasSize(1);
                ModelPublished e = events.get(0);
                assertThat(e.getVersion()).isEqualTo(expectedVersion);
                assertThat(e.getParentVersion()).isEqualTo(shipped);
                assertThat(e.getModelName()).isEqualTo("lab-report");
                assertThat(e.getSampleIds()).containsExactlyInAnyOrderElementsOf(trainIds);
                assertThat(e.getSeeds()).containsEntry("grpo", 7L);

                // The artifact is in the blob store under the event's sha256 and names itself.
                byte[] artifact = f.blobs.read(e.getBlobUri());
                assertThat(ModelArtifact.sha256(artifact)).isEqualTo(e.getSha256());
                try (ModelArtifact.Loaded loaded = ModelArtifact.read(artifact, Device.cpu())) {
                    assertThat(loaded.manifest().version()).isEqualTo(expectedVersion);
                    assertThat(loaded.manifest().parent()).isEqualTo(shipped);
                    // Trained: not the base's parameters under a new name.
                    assertThat(loaded.manifest().parametersSha256())
                            .isNotEqualTo(
                                    ModelArtifact.manifest(DefaultModel.bytes())
                                            .parametersSha256());
                }

                // The decision is kept in the rounds log and in the event, with both scores.
                List<String> rounds =
                        TrainerFixture.awaitLines(
                                data.resolve("rounds.jsonl"), 1, Duration.ofSeconds(30));
                JsonNode round = MAPPER.readTree(rounds.get(0));
                assertThat(round.path("outcome").asText()).isEqualTo("published");
                assertThat(round.path("decision").asText()).isEqualTo("publish");
                assertThat(round.path("heldout_docs").asInt()).isGreaterThanOrEqualTo(2);
                double candidateF1 = round.path("candidate_f1").asDouble();
                double liveF1 = round.path("live_f1").asDouble();
                assertThat(candidateF1).isGreaterThanOrEqualTo(liveF1 - 0.02);
                assertThat(liveF1).as("the shipped model reads these reports").isGreaterThan(0.3);
                assertThat(e.getMetrics()).containsEntry("f1", candidateF1);
                assertThat(e.getMetrics()).containsKeys("precision", "recall");
                JsonNode summary = MAPPER.readTree(e.getTrainingSummary());
                assertThat(summary.path("algorithm").asText()).isEqualTo("grpo");
                assertThat(summary.path("steps").asInt()).isEqualTo((trainIds.size() + 3) / 4);
                assertThat(summary.path("hyper_parameters").path("groupSize").asInt()).isEqualTo(4);
                assertThat(summary.path("gate").path("decision").asText()).isEqualTo("publish");
                assertThat(summary.path("gate").path("live_f1").asDouble()).isEqualTo(liveF1);
                assertThat(summary.path("gate").path("reason").asText()).contains(">=");
                for (JsonNode id : summary.path("heldout_ids")) {
                    assertThat(trainIds).doesNotContain(id.asText());
                }

                // Per-step GRPO metrics: as JSONL in the round's folder and as Prometheus gauges.
                assertThat(Files.readAllLines(data.resolve("rounds/r1/steps.jsonl")))
                        .hasSize(summary.path("steps").asInt());
                assertThat(trainer.metricsPort()).isPositive();
                String scrape =
                        java.net.http.HttpClient.newHttpClient()
                                .send(
                                        java.net.http.HttpRequest.newBuilder(
                                                        java.net.URI.create(
                                                                "http://127.0.0.1:"
                                                                        + trainer.metricsPort()
                                                                        + "/metrics"))
                                                .build(),
                                        java.net.http.HttpResponse.BodyHandlers.ofString())
                                .body();
                assertThat(scrape).contains("medvie_trainer_published_total 1.0");
                assertThat(scrape).contains("medvie_trainer_grpo_reward_mean");
                assertThat(scrape)
                        .contains("medvie_trainer_gate_decisions_total{decision=\"publish\"} 1.0");

                assertThat(awaitState(trainer, "round 1 published " + expectedVersion))
                        .contains("pool " + trainIds.size() + " training (0 new)");
                assertThat(trainer.roundRunning()).isFalse();

                // The running extractor swaps the new model in.
                long deadline = System.currentTimeMillis() + 60_000;
                while (!expectedVersion.equals(extractor.modelVersion())
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(extractor.modelVersion()).isEqualTo(expectedVersion);

                // Bad samples are in the trainer's DLQ with their original bytes and the reason.
                List<ConsumerRecord<byte[], byte[]>> dead =
                        f.deadLetters(2, Duration.ofSeconds(30));
                assertThat(dead).hasSize(2);
                for (ConsumerRecord<byte[], byte[]> d : dead) {
                    assertThat(DeadLetters.header(d.headers(), DlqHeaders.STAGE))
                            .isEqualTo("trainer");
                    assertThat(DeadLetters.header(d.headers(), DlqHeaders.ORIGINAL_TOPIC))
                            .isEqualTo(Topics.VERIFIED_SAMPLES);
                }
                assertThat(dead.stream().map(ConsumerRecord::value).toList())
                        .containsExactlyInAnyOrder(missing.value(), junk.value());
                assertThat(
                                dead.stream()
                                        .map(
                                                d ->
                                                        DeadLetters.header(
                                                                d.headers(),
                                                                DlqHeaders.ERROR_CLASS))
                                        .toList())
                        .anyMatch(c -> c.endsWith("BlobNotFoundException"))
                        .anyMatch(c -> c.startsWith("io.medvie.ocr."));
            }

            // A crash between sending and bookkeeping: the round's log line is gone, its decision
            // and candidate are there. The restarted trainer finds the version on medvie.models and
            // does not send it again.
            Path log = data.resolve("rounds.jsonl");
            Files.writeString(log, "");
            // And the report blobs are gone: the pool comes back from the data dir alone, its pages
            // from the OCR cache.
            Files.move(f.blobDir(), dir.resolve("blobs-moved-away"));
            try (TrainerRuntime again =
                    TrainerRuntime.start(
                            TrainerConfig.from(Settings.of(f.trainerSettings(data, 1000))))) {
                List<String> rounds =
                        TrainerFixture.awaitLines(log, 1, Duration.ofSeconds(60), again::isRunning);
                assertThat(again.failure()).isNull();
                assertThat(MAPPER.readTree(rounds.get(0)).path("outcome").asText())
                        .isEqualTo("already-published");
                assertThat(again.metrics().publishedCount()).isZero();
                assertThat(again.metrics().scrape())
                        .contains(
                                "medvie_trainer_pool_samples{split=\"train\"} "
                                        + trainIds.size()
                                        + ".0")
                        .contains(
                                "medvie_trainer_pool_samples{split=\"heldout\"} "
                                        + (good.size() - trainIds.size())
                                        + ".0");
            }
            List<ModelPublished> all = f.models(l -> false, Duration.ofSeconds(2));
            assertThat(all).filteredOn(m -> m.getVersion().equals(expectedVersion)).hasSize(1);
        }
    }

    @Test
    void theGateRefusesACandidateMadeWorseOnPurposeAndNothingIsPublished() throws Exception {
        try (TrainerFixture f = new TrainerFixture(dir)) {
            List<TrainerFixture.Sent> good = f.sendSynthetic(12, 601);
            List<String> trainIds = trainIds(good);
            assertThat(good.size() - trainIds.size())
                    .as("held-out samples")
                    .isGreaterThanOrEqualTo(2);
            Path data = dir.resolve("trainer");
            Map<String, String> settings = f.trainerSettings(data, trainIds.size());
            // An absurd learning rate: Adam moves every parameter by about this much per step.
            settings.put("medvie.trainer.grpo.learning.rate", "1000");
            settings.put("medvie.trainer.grpo.max.grad.norm", "0");
            settings.put("medvie.trainer.grpo.epochs", "2");
            try (TrainerRuntime trainer =
                    TrainerRuntime.start(TrainerConfig.from(Settings.of(settings)))) {
                List<String> rounds =
                        TrainerFixture.awaitLines(
                                data.resolve("rounds.jsonl"),
                                1,
                                Duration.ofMinutes(4),
                                trainer::isRunning);
                assertThat(trainer.failure()).isNull();
                assertThat(rounds).hasSize(1);
                JsonNode round = MAPPER.readTree(rounds.get(0));
                assertThat(round.path("decision").asText()).isEqualTo("refuse");
                assertThat(round.path("outcome").asText()).isEqualTo("refused");
                double candidateF1 = round.path("candidate_f1").asDouble();
                double liveF1 = round.path("live_f1").asDouble();
                assertThat(liveF1).isGreaterThan(0.3);
                assertThat(candidateF1).isLessThan(liveF1 - 0.02);
                assertThat(round.path("reason").asText())
                        .contains(String.format(java.util.Locale.ROOT, "%.4f", candidateF1))
                        .contains(String.format(java.util.Locale.ROOT, "%.4f", liveF1))
                        .contains(" < ");
                JsonNode gate = MAPPER.readTree(data.resolve("rounds/r1/gate.json").toFile());
                assertThat(gate.path("decision").asText()).isEqualTo("refuse");
                assertThat(gate.path("live_version").asText())
                        .isEqualTo(ModelArtifact.manifest(DefaultModel.bytes()).version());
                assertThat(awaitState(trainer, "round 1 refused")).contains("held out");
                assertThat(trainer.metrics().refusedCount()).isEqualTo(1.0);
                assertThat(trainer.metrics().publishedCount()).isZero();
                assertThat(trainer.liveVersion())
                        .isEqualTo(ModelArtifact.manifest(DefaultModel.bytes()).version());
            }
            assertThat(f.models(l -> false, Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aTrainerOnANewDataDirectoryRebuildsItsPoolFromTheWholeTopic() throws Exception {
        try (TrainerFixture f = new TrainerFixture(dir)) {
            int sent = f.sendSynthetic(6, 701).size();
            Path first = dir.resolve("trainer-a");
            // No round: the pool alone is under test.
            try (TrainerRuntime trainer =
                    TrainerRuntime.start(
                            TrainerConfig.from(Settings.of(f.trainerSettings(first, 1000))))) {
                awaitTaken(trainer, sent);
            }
            // A restart on the same directory goes on from the group's offsets: nothing re-read.
            try (TrainerRuntime trainer =
                    TrainerRuntime.start(
                            TrainerConfig.from(Settings.of(f.trainerSettings(first, 1000))))) {
                Thread.sleep(3000);
                assertThat(trainer.metrics().samplesTaken()).isZero();
            }
            // The same group on a new directory (a new host): every sample pooled again.
            Path second = dir.resolve("trainer-b");
            try (TrainerRuntime trainer =
                    TrainerRuntime.start(
                            TrainerConfig.from(Settings.of(f.trainerSettings(second, 1000))))) {
                awaitTaken(trainer, sent);
                assertThat(trainer.failure()).isNull();
            }
            assertThat(nonBlankLines(second.resolve("pool.jsonl")))
                    .isEqualTo(nonBlankLines(first.resolve("pool.jsonl")))
                    .isEqualTo(sent);
        }
    }

    private static void awaitTaken(TrainerRuntime trainer, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(2).toMillis();
        while (trainer.metrics().samplesTaken() < expected
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(trainer.metrics().samplesTaken()).isEqualTo(expected);
    }

    private static long nonBlankLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
    }

    /** The trainer's one-line state once it contains {@code expected} (or after 10 s). */
    private static String awaitState(TrainerRuntime trainer, String expected)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!trainer.state().contains(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(trainer.state()).contains(expected);
        return trainer.state();
    }

    private static List<String> trainIds(List<TrainerFixture.Sent> sent) {
        List<String> out = new ArrayList<>();
        for (TrainerFixture.Sent s : sent) {
            if (!SPLIT.heldOut(s.reportId())) {
                out.add(s.reportId());
            }
        }
        return out;
    }
}
