package io.medvie.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.bench.fuzz.FuzzRun;
import io.medvie.bench.fuzz.HostileInputs;
import io.medvie.bench.fuzz.SynthSeeds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, reliability point 3: over a thousand hostile uploads against a real ingest and a real
 * extractor (Tesseract, the default model) on the embedded broker. Each must get a 4xx with a JSON
 * reason, or be accepted and end as exactly one extraction event or one dead letter with its
 * original bytes; afterwards a fresh valid report is still extracted, the heap is not filling up,
 * and no file name or form field of the uploads was logged.
 *
 * <p>The EDGE mix keeps the extractor's share to a few percent so the test stays within minutes on
 * two cores; {@code medvie bench fuzz --mix FULL} runs the heavy mix (docs/reliability.md).
 */
class FuzzIT {
    private static final long MAX_BYTES = 2L << 20;

    @TempDir Path dir;

    @Test
    void everyHostileUploadIsRefusedOrEndsExactlyOnceAndTheServicesStayHealthy() throws Exception {
        long seed = Long.getLong("medvie.fuzz.seed", 9);
        int count = Integer.getInteger("medvie.fuzz.cases", 1200);
        SynthSeeds synth = new SynthSeeds(seed);
        HostileInputs.Seeds seeds = synth.seeds();
        HostileInputs inputs = new HostileInputs(seed, MAX_BYTES, seeds, HostileInputs.Mix.EDGE);
        // Deterministic by seed: another generator makes the same case, in any order.
        HostileInputs again = new HostileInputs(seed, MAX_BYTES, seeds, HostileInputs.Mix.EDGE);
        assertThat(again.get(count - 1).body()).isEqualTo(inputs.get(count - 1).body());
        assertThat(again.get(count - 1).label()).isEqualTo(inputs.get(count - 1).label());

        FuzzRun.Result r;
        String logs;
        try (LogCapture capture = LogCapture.open();
                FuzzRun run = FuzzRun.start(dir, MAX_BYTES)) {
            r = run.run(inputs, count, synth.fresh(), Duration.ofMinutes(3), System.out);
            logs = capture.text();
            assertThat(capture.events()).as("log events captured").isPositive();
        }
        System.out.printf(
                "FuzzIT: %d cases in %.1f s (send %.1f s, settle %.1f s): %s; accepted %d ->"
                        + " extracted %d, DLQ %d %s; heap peak %d MB, after GC %d MB, RSS %d MB%n",
                r.cases(),
                r.totalSeconds(),
                r.sendSeconds(),
                r.settleSeconds(),
                r.outcomes(),
                r.acceptedReports(),
                r.extracted(),
                r.deadLettered(),
                r.deadLetters(),
                r.heapPeakSampled() >> 20,
                r.heapAfterGc() >> 20,
                r.rss() >> 20);

        assertThat(r.problems()).as("broken invariants").isEmpty();
        assertThat(r.cases()).isGreaterThanOrEqualTo(1000);
        int sum = r.outcomes().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(sum).as("every case has an answer").isEqualTo(r.cases());
        assertThat(r.outcomes().keySet())
                .as("only 4xx and 202")
                .allMatch(k -> k.startsWith("4") || k.startsWith("202"));
        // The mix reaches every refusal ingest has, and the extractor's dead-letter queue.
        assertThat(r.outcomes().keySet())
                .contains(
                        "400 empty",
                        "400 bad_multipart",
                        "413 too_large",
                        "415 unsupported_type",
                        "422 truncated",
                        "202 new");
        assertThat(r.deadLettered()).as("reports dead-lettered").isGreaterThanOrEqualTo(20);
        assertThat(r.deadLetters()).containsKeys("CorruptInputException", "LimitExceededException");
        assertThat(r.extracted() + r.deadLettered()).isEqualTo(r.acceptedReports());
        assertThat(r.freshExtracted()).as("a fresh valid report extracted afterwards").isTrue();
        assertThat(r.heapAfterGc()).as("heap after GC").isLessThan(r.heapMax() / 2);
        assertThat(r.heapPeakSampled()).as("sampled heap peak").isLessThan(r.heapMax());

        assertThat(r.canaries()).as("cases carrying a canary").hasSizeGreaterThan(50);
        for (String canary : r.canaries()) {
            assertThat(logs.contains(canary))
                    .as("logs mention a file name or form field: " + canary)
                    .isFalse();
        }
        Map<String, Map<String, Integer>> byKind = r.byKind();
        assertThat(byKind).containsKeys("MULTIPART", "IMAGE_BOMB", "CRAFTED_PDF", "TRUNCATED_PDF");
    }
}
