package io.medvie.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.events.ModelPublished;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4b of issue 7: a trainer JVM SIGKILLed in the middle of a round resumes the round from
 * its last checkpoint at restart and publishes its model exactly once.
 */
class TrainerCrashIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void aRoundKilledMidwayResumesFromItsCheckpointAndPublishesOnce() throws Exception {
        try (TrainerFixture f = new TrainerFixture(dir)) {
            List<TrainerFixture.Sent> sent = f.sendSynthetic(12, 701);
            HeldOutSplit split = new HeldOutSplit(30);
            List<String> trainIds =
                    sent.stream()
                            .map(TrainerFixture.Sent::reportId)
                            .filter(id -> !split.heldOut(id))
                            .toList();
            assertThat(sent.size() - trainIds.size())
                    .as("held-out samples")
                    .isGreaterThanOrEqualTo(2);
            String version = ModelVersions.of(1, trainIds);
            int stepsPerEpoch = (trainIds.size() + 3) / 4;
            Path data = dir.resolve("trainer");
            Map<String, String> settings = f.trainerSettings(data, trainIds.size());
            settings.put("medvie.trainer.grpo.epochs", "5");
            settings.put("medvie.trainer.checkpoint.every.steps", "2");
            int totalSteps = 5 * stepsPerEpoch;

            Path round = data.resolve("rounds/r1");
            Process first = f.startTrainerProcess(settings, dir.resolve("first.log"));
            int killedAfter;
            try {
                Path checkpoint = round.resolve("checkpoint.json");
                long deadline = System.currentTimeMillis() + 240_000;
                while (!Files.isRegularFile(checkpoint)
                        && first.isAlive()
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(checkpoint).as(log(dir.resolve("first.log"))).isRegularFile();
            } finally {
                first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            }
            killedAfter =
                    MAPPER.readTree(round.resolve("checkpoint.json").toFile()).path("step").asInt();
            assertThat(killedAfter).as("killed in the middle of the round").isLessThan(totalSteps);
            assertThat(data.resolve("rounds.jsonl")).doesNotExist();
            assertThat(f.models(l -> false, Duration.ofSeconds(1))).isEmpty();

            Process second = f.startTrainerProcess(settings, dir.resolve("second.log"));
            try {
                List<ModelPublished> events = f.models(l -> !l.isEmpty(), Duration.ofMinutes(4));
                assertThat(events).as(log(dir.resolve("second.log"))).isNotEmpty();
                List<String> rounds =
                        TrainerFixture.awaitLines(
                                data.resolve("rounds.jsonl"), 1, Duration.ofSeconds(30));
                JsonNode line = MAPPER.readTree(rounds.get(0));
                assertThat(line.path("version").asText()).isEqualTo(version);
                assertThat(line.path("outcome").asText()).isEqualTo("published");
                assertThat(line.path("resumed_from_step").asInt())
                        .as("resumed after the checkpoint, not from the start")
                        .isGreaterThan(0)
                        .isEqualTo(killedAfter);
                assertThat(line.path("steps").asInt()).isEqualTo(totalSteps);
                assertThat(Files.readString(dir.resolve("second.log")))
                        .contains("Round 1 resumes from its checkpoint after step");
            } finally {
                second.destroy();
                second.waitFor();
            }
            // Counted, not assumed: exactly one event of that version on medvie.models.
            List<ModelPublished> all = f.models(l -> false, Duration.ofSeconds(2));
            assertThat(all).filteredOn(e -> e.getVersion().equals(version)).hasSize(1);
            assertThat(all).hasSize(1);
        }
    }

    private static String log(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return "\n--- "
                    + file.getFileName()
                    + " (last lines) ---\n"
                    + String.join(
                            "\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no log " + file + ")";
        }
    }
}
