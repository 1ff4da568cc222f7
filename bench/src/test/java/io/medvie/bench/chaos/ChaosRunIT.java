package io.medvie.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.bench.ChaosBench;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, reliability points 1 and 2, short: 40 reports; extractor, trainer and review each
 * SIGKILLed once at a seeded point of the stream and restarted; the broker stopped and started once
 * under the running services. Everything is counted from the topics at the end. The long run (500
 * reports, several kills each) is {@code medvie bench chaos}, figures in docs/reliability.md.
 */
class ChaosRunIT {
    @TempDir Path dir;

    @Test
    void killsAndABrokerRestartLoseAndDuplicateNothing() throws Exception {
        ChaosRun.Options options =
                new ChaosRun.Options(
                        40,
                        "clean",
                        11,
                        4,
                        12,
                        1,
                        1,
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(3),
                        5,
                        1,
                        0.05,
                        1,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(40),
                        Duration.ofMinutes(8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ChaosRun.Result r = new ChaosRun(options, dir.resolve("run"), dir, out).run();
        ChaosBench.print(r, out);
        String report = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(r.problems()).as(report).isEmpty();
        ChaosCount c = r.count();
        assertThat(c.submitted()).isEqualTo(40);
        assertThat(c.reportEvents()).isEqualTo(40);
        assertThat(c.extractionEvents()).isEqualTo(40);
        assertThat(c.extractedReports()).isEqualTo(40);
        assertThat(c.reviewTasks()).isEqualTo(c.needsReview()).isPositive();
        assertThat(c.verifiedSamples()).isEqualTo(c.reviewTasks());
        assertThat(c.acknowledgedLost()).isEmpty();
        assertThat(c.modelVersions()).isNotEmpty().allSatisfy((v, n) -> assertThat(n).isOne());
        assertThat(c.dlq().values()).allMatch(n -> n == 0);
        assertThat(r.faults()).hasSize(4).allMatch(ChaosRun.Fault::done);
        assertThat(r.faults())
                .extracting(ChaosRun.Fault::target)
                .containsExactlyInAnyOrder("extractor", "trainer", "review", "broker");
        assertThat(r.services()).allSatisfy(s -> assertThat(s.unbiddenExits()).isZero());
        assertThat(r.services()).allSatisfy(s -> assertThat(s.kills()).isOne());
    }
}
