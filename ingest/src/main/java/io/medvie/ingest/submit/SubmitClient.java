package io.medvie.ingest.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The client side of {@code medvie submit}: uploads files (folders are walked) to an ingest
 * service, one request per file, with a progress line. Each outcome names the file, because the
 * person at the terminal needs to know which of their files was refused and why.
 */
public final class SubmitClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String token;

    /** The fate of one file. */
    public record Outcome(Path file, int status, String reportId, boolean duplicate, String error) {
        public boolean accepted() {
            return status == 202;
        }
    }

    /** All outcomes of one run. */
    public record Summary(List<Outcome> outcomes) {
        public long accepted() {
            return outcomes.stream().filter(o -> o.accepted() && !o.duplicate()).count();
        }

        public long duplicates() {
            return outcomes.stream().filter(o -> o.accepted() && o.duplicate()).count();
        }

        public long failed() {
            return outcomes.stream().filter(o -> !o.accepted()).count();
        }
    }

    public SubmitClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Expands folders into their regular files, sorted, skipping hidden ones. */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    public Summary submitAll(List<Path> files, PrintStream progress) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Outcome outcome = submit(file);
            outcomes.add(outcome);
            if (!outcome.accepted()) {
                progress.printf("%n%s: %s%n", file, outcome.error());
            }
            bytes += sizeOrZero(file);
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            Summary so = new Summary(outcomes);
            progress.printf(
                    "\r[%d/%d] accepted %d, duplicate %d, failed %d, %.1f files/s, %.1f MB/s",
                    i + 1,
                    files.size(),
                    so.accepted(),
                    so.duplicates(),
                    so.failed(),
                    (i + 1) / seconds,
                    bytes / 1e6 / seconds);
        }
        progress.println();
        return new Summary(outcomes);
    }

    public Outcome submit(Path file) throws InterruptedException {
        if (!Files.isRegularFile(file)) {
            return new Outcome(file, 0, null, false, "not a readable file");
        }
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(base.resolve("/v1/reports"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofFile(file))
                            .build();
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(response.body());
            if (response.statusCode() == 202) {
                return new Outcome(
                        file,
                        202,
                        body.path("reportId").asText(),
                        body.path("duplicate").asBoolean(),
                        null);
            }
            String reason = body.path("reason").asText(response.body());
            return new Outcome(
                    file,
                    response.statusCode(),
                    null,
                    false,
                    "HTTP " + response.statusCode() + ": " + reason);
        } catch (IOException e) {
            return new Outcome(
                    file, 0, null, false, "cannot reach ingest at " + base + ": " + e.getMessage());
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
