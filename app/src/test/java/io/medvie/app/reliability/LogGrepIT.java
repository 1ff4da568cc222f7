package io.medvie.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.app.cli.DemoCommand;
import io.medvie.app.platform.EmbeddedPlatform;
import io.medvie.review.ReviewConfig;
import io.medvie.review.ReviewService;
import io.medvie.schemas.config.Settings;
import io.medvie.synth.generate.GeneratedReport;
import io.medvie.synth.generate.ReportGenerator;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 9, reliability point 4: the logs of a full demo run over synthetic reports (ingest,
 * extractor with OCR and the model, review service), followed by a reviewer clearing the routed
 * tasks through the review API, hold none of the reports' identifying values: patient names (whole
 * and each part), patient ids, birth dates, the lab's report numbers.
 *
 * <p>Captured: every log event of this JVM (medvie's loggers at DEBUG) and everything printed on
 * stdout and stderr, the demo's own tables included.
 */
class LogGrepIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir Path dir;

    @Test
    void aDemoRunAndItsReviewsLogNoPatientIdentifiers() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        Set<String> secrets = new LinkedHashSet<>();
        int index = 0;
        for (Style style : List.of(Style.PDF, Style.PDF, Style.CLEAN, Style.CLEAN, Style.SCAN)) {
            GeneratedReport report = generate(style, index);
            String page =
                    style == Style.PDF
                            ? ReportGenerator.PDF
                            : style == Style.CLEAN ? "page-1.png" : "page-1.jpg";
            String ext = page.substring(page.lastIndexOf('.'));
            // Neutral file names: the CLI prints them back, and they are the user's own.
            Files.write(samples.resolve("report-" + index + ext), report.file(page));
            secrets.addAll(identifiers(JSON.readTree(report.file(ReportGenerator.DOCUMENT))));
            index++;
        }
        assertThat(secrets).as("identifying values to look for").hasSizeGreaterThan(15);

        Path data = dir.resolve("data");
        String logs;
        int reviewed;
        try (LogCapture capture = LogCapture.open()) {
            int exit =
                    new CommandLine(new DemoCommand())
                            .execute(
                                    "--exit",
                                    "--data",
                                    data.toString(),
                                    "--samples",
                                    samples.toString(),
                                    // The learning loop too, small: streamed reports, the
                                    // simulated reviewer, a training round.
                                    "--reports",
                                    "10",
                                    "--style",
                                    "clean",
                                    "--rate",
                                    "2",
                                    "--eval-reports",
                                    "4",
                                    "--round-samples",
                                    "4",
                                    "--set",
                                    "medvie.trainer.gate.min.heldout=1",
                                    "--set",
                                    "medvie.trainer.grpo.epochs=1",
                                    "--max-wait-minutes",
                                    "3");
            assertThat(exit).as("demo exit code").isZero();
            reviewed = reviewEverything(data);
            logs = capture.text();
            assertThat(capture.events()).as("log events captured").isGreaterThan(20);
        }
        // The loop's own synthetic reports (streamed and scored) are patients too.
        int before = secrets.size();
        try (var files = Files.walk(data.resolve("demo-data"))) {
            for (Path doc :
                    files.filter(f -> f.getFileName().toString().equals("document.json"))
                            .toList()) {
                secrets.addAll(identifiers(JSON.readTree(doc.toFile())));
            }
        }
        assertThat(secrets.size()).as("identifiers of the loop's reports").isGreaterThan(before);
        // The run did what it should, so the logs had the chance to leak.
        assertThat(logs).contains("extracted by model");
        assertThat(reviewed).as("tasks reviewed").isPositive();
        assertThat(logs).contains("signed in");

        List<String> leaked = occurrences(logs, secrets);
        // The same search finds them where they belong: the extracted documents the demo wrote.
        String documents = Files.readString(data.resolve("demo-extractions.jsonl"));
        List<String> inDocuments = occurrences(documents, secrets);
        System.out.printf(
                "LogGrepIT: %d identifying values, %d chars of logs and console, %d tasks"
                        + " reviewed; %d of the values in the extracted documents, %d in the"
                        + " logs%n",
                secrets.size(), logs.length(), reviewed, inDocuments.size(), leaked.size());
        assertThat(inDocuments).as("values the model extracted").isNotEmpty();
        assertThat(leaked).as("identifying values in the logs").isEmpty();
    }

    /** Each value found in the text as a whole word (case-insensitive), with its context. */
    private static List<String> occurrences(String text, Set<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            // Whole words only: a name part inside a hex id or a longer word is no leak.
            Matcher m =
                    Pattern.compile(
                                    "(?<![\\p{L}\\p{N}])"
                                            + Pattern.quote(value)
                                            + "(?![\\p{L}\\p{N}])",
                                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                            .matcher(text);
            if (m.find()) {
                int at = m.start();
                out.add(
                        value
                                + " in: "
                                + text.substring(
                                                Math.max(0, at - 120),
                                                Math.min(text.length(), at + 80))
                                        .replace('\n', ' '));
            }
        }
        return out;
    }

    private static GeneratedReport generate(Style style, int index) {
        SynthOptions options =
                new SynthOptions(
                        index + 1, Templates.all(), style, 4242, Path.of("unused"), 0, false, 1);
        return new ReportGenerator(options).generate(index);
    }

    /** Name (whole and its parts of 4 letters or more), patient id, birth date, report number. */
    private static Set<String> identifiers(JsonNode document) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode patient = document.path("patient");
        String name = patient.path("name").asText("");
        if (!name.isBlank()) {
            out.add(name);
            for (String part : name.split("[\\s,.]+")) {
                if (part.length() >= 4) {
                    out.add(part);
                }
            }
        }
        for (JsonNode value :
                List.of(
                        patient.path("id"),
                        patient.path("birth_date"),
                        document.path("report").path("report_id"))) {
            if (value.isTextual() && value.asText().length() >= 4) {
                out.add(value.asText());
            }
        }
        return out;
    }

    /**
     * Starts the platform again on the demo's data with the review service, signs in as the demo's
     * admin and submits every routed task with the model's document, as a reviewer accepting it
     * would. Returns how many tasks were submitted (or refused as schema-invalid, also a path that
     * logs).
     */
    private static int reviewEverything(Path data) throws Exception {
        String password =
                Files.readString(data.resolve("review").resolve("demo-admin-password")).strip();
        try (EmbeddedPlatform platform =
                EmbeddedPlatform.start(
                        data, new EmbeddedPlatform.Ports(0, 0, 0), data.resolve("inbox"))) {
            Map<String, String> props = new HashMap<>();
            props.put("kafka.bootstrap.servers", platform.bootstrapServers());
            props.put("schema.registry.url", platform.registryUrl());
            props.put("medvie.blob.dir", data.resolve("blobs").toString());
            props.put("medvie.review.port", "0");
            props.put("medvie.review.instance.id", "log-grep");
            try (ReviewService review =
                    ReviewService.start(ReviewConfig.from(Settings.of(props)))) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (review.store().board().size() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Client admin = new Client(review.url());
                admin.signIn("admin", password);
                int done = 0;
                for (int i = 0; i < 20; i++) {
                    HttpResponse<String> next = admin.post("/api/tasks/next", "");
                    if (next.statusCode() == 204) {
                        break;
                    }
                    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
                    String task = JSON.readTree(next.body()).get("taskId").asText();
                    JsonNode view = JSON.readTree(admin.get("/api/tasks/" + task).body());
                    assertThat(admin.get("/api/tasks/" + task + "/pages/0").statusCode())
                            .isEqualTo(200);
                    ObjectNode body = JSON.createObjectNode();
                    body.set("document", view.get("document"));
                    HttpResponse<String> submitted =
                            admin.post("/api/tasks/" + task + "/submit", body.toString());
                    assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 422);
                    if (submitted.statusCode() == 422) {
                        admin.post("/api/tasks/" + task + "/skip", "");
                    }
                    done++;
                }
                return done;
            }
        }
    }

    /** A signed-in browser, reduced to its cookie and CSRF token. */
    private static final class Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private String cookie;
        private String csrf;

        Client(String base) {
            this.base = base;
        }

        void signIn(String user, String password) throws Exception {
            HttpResponse<String> form = get("/login");
            cookie = cookieOf(form);
            Matcher m = CSRF.matcher(form.body());
            assertThat(m.find()).isTrue();
            String body =
                    "username="
                            + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8)
                            + "&next=%2F&_csrf="
                            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> r =
                    http.send(
                            request("/login")
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("sign-in").isEqualTo(303);
            cookie = cookieOf(r);
            csrf = JSON.readTree(get("/api/session").body()).get("csrf").asText();
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return http.send(
                    request(path)
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-Token", csrf)
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            if (cookie != null) {
                b.header("Cookie", "medvie_review=" + cookie);
            }
            return b;
        }

        private static String cookieOf(HttpResponse<String> r) {
            String set = r.headers().firstValue("Set-Cookie").orElseThrow();
            return set.substring(set.indexOf('=') + 1, set.indexOf(';'));
        }
    }
}
