package io.medvie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.template.Templates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {

    @TempDir Path tmp;

    private static int run(StringWriter err, String... args) {
        CommandLine cmd = new CommandLine(new SynthCommand());
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void writesTheRequestedReportsWithProgressOnStderr() {
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("out");
        int rc =
                run(
                        err,
                        "--count",
                        "3",
                        "--templates",
                        "classic,lis-printout",
                        "--style",
                        "pdf",
                        "--seed",
                        "4",
                        "--out",
                        out.toString());
        assertThat(rc).isZero();
        assertThat(err.toString()).contains("3/3 reports").contains("reports/s");
        DatasetReader reader = DatasetReader.open(out);
        assertThat(reader.size()).isEqualTo(3);
        assertThat(reader.manifest().templates()).containsExactly("classic", "lis-printout");
        assertThat(reader.manifest().style()).isEqualTo("pdf");

        StringWriter again = new StringWriter();
        assertThat(run(again, "--count", "1", "--out", out.toString())).isEqualTo(2);
        assertThat(again.toString()).contains("already holds a dataset");
    }

    @Test
    void badOptionsFailWithTheSettingAndTheValue() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--count", "1", "--style", "fax", "--out", tmp.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("fax");
        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "--count", "1", "--templates", "nope", "--out", tmp.toString()))
                .isEqualTo(2);
        assertThat(err2.toString()).contains("unknown template 'nope'");
    }

    @Test
    void templateSelection() {
        assertThat(Templates.all()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(Templates.select(List.of("sidebar", "classic"), List.of()))
                .extracting(t -> t.name())
                .containsExactly("classic", "sidebar");
        assertThat(Templates.select(List.of(), List.of("classic")))
                .hasSize(Templates.all().size() - 1)
                .noneMatch(t -> t.name().equals("classic"));
        assertThatThrownBy(() -> Templates.select(List.of("classic"), List.of("classic")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
