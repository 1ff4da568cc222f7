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

class PipelineBenchIT {

    @Test
    void measuresLatencyAndBurstThroughTheRealPipeline(@TempDir Path dir) throws Exception {
        // Four reports give at least four distinct pages: a warm-up, one for latency, two for the
        // burst.
        Path data = BenchData.scans(dir, 4, 23);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PipelineBench());
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("--data", data.toString(), "--count", "1", "--burst", "2", "--json");

        assertThat(code).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.path("latency_ms").path("count").asInt()).isEqualTo(1);
        assertThat(r.path("latency_ms").path("p50").asDouble()).isPositive();
        assertThat(r.path("latency_ms").path("p99").asDouble()).isPositive();
        JsonNode burst = r.path("burst");
        assertThat(burst.path("pages").asInt()).isEqualTo(2);
        assertThat(burst.path("extractor_pages_per_second").asDouble()).isPositive();
        assertThat(burst.path("tesseract_pages_per_second").asDouble()).isPositive();
        assertThat(burst.path("ratio").asDouble()).isPositive();
        assertThat(r.path("heap_peak_bytes").asLong()).isPositive();
        assertThat(r.path("rss_bytes").asLong()).isPositive();
    }

    @Test
    void refusesTooFewDistinctPages(@TempDir Path dir) throws Exception {
        Path data = BenchData.scans(dir, 1, 5);
        CommandLine cli = new CommandLine(new PipelineBench());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--data", data.toString(), "--count", "30", "--burst", "60");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("distinct");
    }
}
