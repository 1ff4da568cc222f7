package io.medvie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The plumbing of {@code medvie bench rl} on a tiny setting (3 samples, one epoch each): data made
 * and reused, every model of the table trained from its own copy and scored, the result file. The
 * experiment itself runs from the command line (docs/benchmarks.md).
 */
class RlBenchIT {

    private static final String[] TINY = {
        "--train",
        "3",
        "--test",
        "2",
        "--indist",
        "1",
        "--curve",
        "3",
        "--sft-epochs",
        "1",
        "--rl-epochs",
        "1",
        "--group-size",
        "2",
        "--threads",
        "2",
        "--json"
    };

    @Test
    void runsEveryModelOnTinyDataAndReusesTheData(@TempDir Path work) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RlBench());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute(args(work));

        assertThat(code).as(err.toString()).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.path("base").path("version").asText()).isEqualTo("sft-default-s42");
        List<String> models = new ArrayList<>();
        for (JsonNode run : r.path("runs")) {
            models.add(run.path("model").asText());
            assertThat(run.path("target").path("documents").asInt()).isEqualTo(1);
            assertThat(run.path("in_distribution").path("documents").asInt()).isEqualTo(1);
            assertThat(run.path("target").path("f1").asDouble()).isBetween(0.0, 1.0);
            assertThat(run.path("heap_peak_bytes").asLong()).isPositive();
            assertThat(run.path("rss_bytes").asLong()).isPositive();
        }
        assertThat(models).containsExactly("base", "sft-3", "sft+rl-3", "rl-3");
        JsonNode rl = r.path("runs").get(3);
        // 3 samples: one kept for selection, two trained on; GRPO ran and took time.
        assertThat(rl.path("selection_docs").asInt()).isEqualTo(1);
        assertThat(rl.path("train_docs").asInt()).isEqualTo(2);
        assertThat(rl.path("of").asInt()).isPositive();
        assertThat(rl.path("train_seconds").asDouble()).isPositive();
        // sft+rl's time includes the SFT it continued from.
        assertThat(r.path("runs").get(2).path("train_seconds").asDouble())
                .isGreaterThan(r.path("runs").get(1).path("train_seconds").asDouble());
        // The base never saw the targets; in-distribution means the base's own 7 templates.
        assertThat(r.path("data").path("own_templates")).hasSize(7);
        assertThat(r.path("data").path("own_templates").toString())
                .doesNotContain("euro-letter")
                .doesNotContain("cumulative-landscape");
        assertThat(r.path("wall_seconds").asDouble()).isPositive();
        assertThat(work.resolve("target-train/manifest.json")).exists();
        assertThat(work.resolve("rl-bench-sft-default-s42-s5001.json")).exists();

        // A second run with other counts refuses the existing data rather than mixing sets.
        StringWriter err2 = new StringWriter();
        CommandLine again = new CommandLine(new RlBench());
        again.setOut(new PrintWriter(new StringWriter()));
        again.setErr(new PrintWriter(err2));
        String[] other = args(work);
        other[3] = "5";
        assertThat(again.execute(other)).isNotZero();
        assertThat(err2.toString()).contains("target-test").contains("1 reports, asked 5");
        assertThat(Files.list(work.resolve("target-test")).count()).isEqualTo(2);
    }

    private static String[] args(Path work) {
        String[] a = new String[TINY.length + 2];
        System.arraycopy(TINY, 0, a, 0, TINY.length);
        a[TINY.length] = "--work";
        a[TINY.length + 1] = work.toString();
        return a;
    }
}
