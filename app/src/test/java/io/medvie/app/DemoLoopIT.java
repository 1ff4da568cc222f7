package io.medvie.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.app.cli.DemoCommand;
import io.medvie.app.demo.LoopDemo;
import io.medvie.app.demo.ModelScoreboard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's main command on a small setting: platform and every service in this JVM, clean
 * synthetic reports streamed, the simulated reviewer clearing the routed ones through the review
 * UI, the trainer running rounds on what it verified. Counted at the end.
 */
class DemoLoopIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void theLoopExtractsEveryReportOnceVerifiesTheRoutedOnesAndTrains() throws Exception {
        Path data = dir.resolve("data");
        DemoCommand demo = new DemoCommand();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code =
                    new CommandLine(demo)
                            .execute(
                                    "--data",
                                    data.toString(),
                                    "--samples",
                                    Path.of("..", "samples").toString(),
                                    "--exit",
                                    "--reports",
                                    "16",
                                    "--style",
                                    "clean",
                                    "--rate",
                                    "2",
                                    "--eval-reports",
                                    "6",
                                    "--round-samples",
                                    "6",
                                    "--error-rate",
                                    "0",
                                    "--max-wait-minutes",
                                    "4",
                                    "--set",
                                    "medvie.trainer.gate.min.heldout=1",
                                    "--set",
                                    "medvie.trainer.grpo.epochs=1",
                                    "--set",
                                    "medvie.routing.lab-report.audit.rate=1");
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(code).isZero();
        LoopDemo.Result r = demo.loopResult();
        assertThat(r).isNotNull();
        assertThat(r.submitted()).isEqualTo(16);
        assertThat(r.extracted()).as("every streamed report extracted").isEqualTo(16);
        assertThat(r.duplicates()).as("reports with more than one extraction").isZero();
        // With every auto-accepted report drawn for audit, every report is routed to review.
        assertThat(r.verified()).as("verified by the simulated reviewer").isEqualTo(16);
        List<ModelScoreboard.Version> versions = r.versions();
        assertThat(versions).isNotEmpty();
        assertThat(versions.get(0).version()).isEqualTo("sft-default-s42");
        assertThat(versions.get(0).unseenF1()).isBetween(0.3, 1.0);
        // The trainer ran at least one round on the verified samples and logged its decision.
        Path rounds = data.resolve("trainer").resolve("rounds.jsonl");
        assertThat(rounds).exists();
        List<String> lines = Files.readAllLines(rounds);
        assertThat(lines).isNotEmpty();
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("outcome").asText()).isIn("published", "refused");
        assertThat(printed).contains("Loop summary: 16 reports submitted, 16 extracted");
        assertThat(printed).contains("unseen-tmpl F1");
    }
}
