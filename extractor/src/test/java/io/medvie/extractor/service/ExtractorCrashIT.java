package io.medvie.extractor.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.events.ExtractionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2 and 3: extractors as separate JVMs, killed hard mid-stream and restarted, and two of
 * them sharing the partitions: every report still gives exactly one extraction.
 */
class ExtractorCrashIT {
    @TempDir Path dir;

    @Test
    void aKilledExtractorRestartsWithoutLosingOrDuplicatingAReport() throws Exception {
        try (StreamFixture stream = new StreamFixture(dir)) {
            List<String> ids = stream.submitSynthetic(50, 21);
            Process first =
                    stream.startExtractorProcess("crashy", "g-crash", dir.resolve("first.log"));
            try {
                // Kill once some, not all, extractions are committed: in the middle of the stream.
                List<ConsumerRecord<String, ExtractionResult>> before =
                        stream.extractions(8, Duration.ofMinutes(3));
                assertThat(before.size()).as(log(dir.resolve("first.log"))).isBetween(8, 49);
            } finally {
                first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            }
            Process second =
                    stream.startExtractorProcess("crashy", "g-crash", dir.resolve("second.log"));
            try {
                List<ConsumerRecord<String, ExtractionResult>> out =
                        stream.extractions(50, Duration.ofMinutes(4));
                assertThat(out).as(log(dir.resolve("second.log"))).hasSize(50);
                assertThat(out)
                        .extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrderElementsOf(ids);
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    @Test
    void twoExtractorsShareThePartitionsAndProduceEachReportOnce() throws Exception {
        try (StreamFixture stream = new StreamFixture(dir)) {
            Process a = stream.startExtractorProcess("a", "g-two", dir.resolve("a.log"));
            Process b = stream.startExtractorProcess("b", "g-two", dir.resolve("b.log"));
            try {
                Map<String, Integer> partitionsByMember = awaitTwoMembers(stream);
                assertThat(partitionsByMember).hasSize(2);
                assertThat(partitionsByMember.values()).allMatch(n -> n > 0);
                assertThat(partitionsByMember.values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(6);

                List<String> ids = stream.submitSynthetic(50, 31);
                List<ConsumerRecord<String, ExtractionResult>> out =
                        stream.extractions(50, Duration.ofMinutes(4));
                assertThat(out)
                        .as(log(dir.resolve("a.log")) + log(dir.resolve("b.log")))
                        .hasSize(50);
                assertThat(out)
                        .extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrderElementsOf(ids);
                assertThat(a.isAlive()).isTrue();
                assertThat(b.isAlive()).isTrue();
            } finally {
                a.destroy();
                b.destroy();
                a.waitFor();
                b.waitFor();
            }
        }
    }

    private static Map<String, Integer> awaitTwoMembers(StreamFixture stream) throws Exception {
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", stream.kafka.bootstrapServers()))) {
            long deadline = System.currentTimeMillis() + 120_000;
            Map<String, Integer> members = Map.of();
            while (System.currentTimeMillis() < deadline) {
                ConsumerGroupDescription group;
                try {
                    group = admin.describeConsumerGroups(List.of("g-two")).all().get().get("g-two");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw e;
                    }
                    Thread.sleep(500); // the processes have not joined yet
                    continue;
                }
                members =
                        group.members().stream()
                                .collect(
                                        Collectors.toMap(
                                                MemberDescription::clientId,
                                                m -> m.assignment().topicPartitions().size()));
                if (members.size() == 2 && members.values().stream().allMatch(n -> n > 0)) {
                    return members;
                }
                Thread.sleep(500);
            }
            return members;
        }
    }

    private static String log(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return "\n--- "
                    + file.getFileName()
                    + " (last lines) ---\n"
                    + String.join(
                            "\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (Exception e) {
            return "(no log " + file + ")";
        }
    }
}
