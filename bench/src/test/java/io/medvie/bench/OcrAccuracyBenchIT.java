package io.medvie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OcrAccuracyBenchIT {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new OcrAccuracyBench());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute(args);
        assertThat(code).isZero();
        return out.toString();
    }

    @Test
    void scoresACleanPageAndABornDigitalPdf(@TempDir Path dir) throws Exception {
        io.medvie.bench.ocr.Fixture.write(dir);
        JsonNode result =
                new ObjectMapper()
                        .readTree(run("--data", dir.toString(), "--mode", "reader,raw", "--json"));
        JsonNode reader = result.path("reader");
        assertThat(reader.path("pages").asInt()).isEqualTo(2);
        assertThat(reader.path("styles").path("clean").path("accuracy").asDouble())
                .isGreaterThanOrEqualTo(0.88);
        assertThat(reader.path("styles").path("pdf").path("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(reader.path("rss_bytes").asLong()).isGreaterThan(0);
        // Bare Tesseract has no PDF path: only the image page is read.
        JsonNode raw = result.path("raw");
        assertThat(raw.path("pages").asInt()).isEqualTo(1);
        assertThat(raw.path("styles").path("clean").path("truth_words").asInt()).isEqualTo(9);
        assertThat(raw.path("styles").path("clean").path("accuracy").asDouble())
                .isGreaterThanOrEqualTo(0.88);
    }

    @Test
    void printsATablePerMode(@TempDir Path dir) throws Exception {
        io.medvie.bench.ocr.Fixture.write(dir);
        String table = run("--data", dir.toString(), "--styles", "pdf", "--by-template");
        assertThat(table).contains("mode reader, 1 pages").contains("pdf").contains("100.0%");
        assertThat(table).contains("pdf/t");
        assertThat(table).contains("pages/s").contains("RSS");
    }
}
