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

class ExtractBenchIT {

    @Test
    void reportsBothRatesTheirRatioModelTimeAndMemory(@TempDir Path dir) throws Exception {
        Path data = BenchData.scans(dir, 2, 11);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ExtractBench());
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("--data", data.toString(), "--limit", "2", "--json");

        assertThat(code).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.path("pages").asInt()).isEqualTo(2);
        assertThat(r.path("threads").asInt()).isEqualTo(1);
        assertThat(r.path("tesseract_pages_per_second").asDouble()).isPositive();
        assertThat(r.path("extraction_pages_per_second").asDouble()).isPositive();
        assertThat(r.path("ratio").asDouble()).isPositive();
        assertThat(r.path("model_ms_per_page").asDouble()).isPositive();
        assertThat(r.path("extraction_ms_per_page").path("read").asDouble()).isPositive();
        assertThat(r.path("heap_peak_bytes").asLong()).isPositive();
        assertThat(r.path("rss_bytes").asLong()).isPositive();
    }

    @Test
    void refusesAFolderWithoutPageImages(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(
                dir.resolve("manifest.json"), "{\"format\":\"medvie-dataset/1\",\"reports\":[]}");
        CommandLine cli = new CommandLine(new ExtractBench());
        cli.setErr(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("--data", dir.toString())).isNotZero();
    }
}
