package io.medvie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.blobstore.FileBlobStore;
import io.medvie.broker.EmbeddedKafka;
import io.medvie.events.ReportSource;
import io.medvie.events.ReportSubmitted;
import io.medvie.ingest.auth.Role;
import io.medvie.ingest.folder.FolderWatcher;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Ingest against a real embedded broker and the embedded schema registry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestIT {
    private static final long MAX_BYTES = 200_000;

    private Path dir;
    private EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private IngestService ingest;
    private String submitter;
    private String admin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        TopicSetup.ensure(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.ALL, (short) 1);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        ingest = IngestService.start(config());
        submitter = ingest.tokens().create("sub", Role.SUBMITTER);
        admin = ingest.tokens().create("adm", Role.ADMIN);
    }

    private IngestConfig config() {
        return IngestConfig.from(
                Settings.of(
                        Map.of(
                                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                                "schema.registry.url", registry.url(),
                                "medvie.ingest.port", "0",
                                "medvie.ingest.max.bytes", Long.toString(MAX_BYTES),
                                "medvie.blob.dir", dir.resolve("blobs").toString(),
                                "medvie.ingest.tokens.file", dir.resolve("tokens").toString())));
    }

    @AfterAll
    void stop() {
        if (ingest != null) {
            ingest.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void threeFormatsGiveThreeEventsAndDuplicatesGiveNone() throws Exception {
        byte[] pdf = pdf();
        byte[] png = image("png", 1);
        byte[] jpeg = image("jpeg", 2);

        List<JsonNode> receipts = new ArrayList<>();
        for (byte[] body : List.of(pdf, png, jpeg)) {
            HttpResponse<String> response = post(body, submitter);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            receipts.add(json.readTree(response.body()));
        }
        assertThat(receipts)
                .extracting(r -> r.get("mediaType").asText())
                .containsExactly("application/pdf", "image/png", "image/jpeg");

        HttpResponse<String> again = post(png, submitter);
        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode again2 = json.readTree(again.body());
        assertThat(again2.get("reportId").asText())
                .isEqualTo(receipts.get(1).get("reportId").asText());
        assertThat(again2.get("duplicate").asBoolean()).isTrue();

        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        Map<String, byte[]> byId = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            byId.put(receipts.get(i).get("reportId").asText(), List.of(pdf, png, jpeg).get(i));
        }
        // Other tests submit too: keep this test's reports, and expect exactly one event each.
        List<ReportSubmitted> events =
                readReports(byId.keySet()).stream()
                        .filter(e -> byId.containsKey(e.getReportId()))
                        .toList();
        assertThat(events)
                .extracting(ReportSubmitted::getReportId)
                .containsExactlyInAnyOrderElementsOf(byId.keySet());
        for (ReportSubmitted event : events) {
            byte[] original = byId.get(event.getReportId());
            assertThat(original).as("event for a submitted report").isNotNull();
            byte[] stored = blobs.read(event.getBlobUri());
            assertThat(sha256(stored)).isEqualTo(event.getSha256()).isEqualTo(sha256(original));
            assertThat(event.getSource()).isEqualTo(ReportSource.HTTP);
            assertThat(event.getSizeBytes()).isEqualTo(original.length);
        }

        HttpResponse<String> state =
                get("/v1/reports/" + receipts.get(0).get("reportId").asText(), submitter);
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(json.readTree(state.body()).get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(get("/v1/reports/r-unknown", submitter).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputGetsAReasonAndLeavesNothingBehind() throws Exception {
        long blobsBefore = countFiles(dir.resolve("blobs"));
        byte[] png = image("png", 3);
        Map<byte[], Integer> cases = new java.util.LinkedHashMap<>();
        cases.put(new byte[0], 400);
        cases.put("this is a text file named report.pdf".getBytes(StandardCharsets.UTF_8), 415);
        cases.put(Arrays.copyOf(png, png.length - 20), 422);
        cases.put(new byte[(int) MAX_BYTES + 1], 413);
        for (Map.Entry<byte[], Integer> c : cases.entrySet()) {
            HttpResponse<String> response = post(c.getKey(), submitter);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(c.getValue());
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("reason").asText()).isNotBlank();
            assertThat(body.get("error").asText()).isNotBlank();
        }
        assertThat(countFiles(dir.resolve("blobs"))).isEqualTo(blobsBefore);
    }

    @Test
    void multipartUploadIsAccepted() throws Exception {
        byte[] png = image("png", 4);
        String boundary = "----medvie" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\";"
                                + " filename=\"scan.png\"\r\nContent-Type: image/png\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        body.write(png);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request =
                HttpRequest.newBuilder(uri("/v1/reports"))
                        .header("Authorization", "Bearer " + submitter)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json.readTree(response.body()).get("sha256").asText()).isEqualTo(sha256(png));
    }

    @Test
    void brokenOrOversizeMultipartBodiesGet4xxWithAReasonNot500() throws Exception {
        byte[] png = image("png", 8);
        String b = "----medvie" + System.nanoTime();
        String head =
                "--"
                        + b
                        + "\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"scan.png\"\r\nContent-Type: image/png\r\n\r\n";
        byte[] part = concat(head.getBytes(StandardCharsets.US_ASCII), png);
        byte[] closed = concat(part, ("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("unterminated", new Object[] {"multipart/form-data; boundary=" + b, part, 400});
        cases.put("no boundary", new Object[] {"multipart/form-data", closed, 400});
        cases.put("wrong boundary", new Object[] {"multipart/form-data; boundary=zz", closed, 400});
        cases.put(
                "NUL in part header",
                new Object[] {"multipart/form-data; boundary=" + b, closed.clone(), 400});
        // Put a NUL byte into the part's name.
        byte[] nul = (byte[]) cases.get("NUL in part header")[1];
        nul[head.indexOf("file\"")] = 0;
        byte[] big = new byte[(int) MAX_BYTES + 1];
        big[0] = '%';
        cases.put(
                "over-size part",
                new Object[] {
                    "multipart/form-data; boundary=" + b,
                    concat(
                            head.getBytes(StandardCharsets.US_ASCII),
                            big,
                            ("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.US_ASCII)),
                    413
                });
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            // Sent without a length, so the size is only found while parsing the parts.
            byte[] body = (byte[]) c.getValue()[1];
            HttpRequest request =
                    HttpRequest.newBuilder(uri("/v1/reports"))
                            .header("Authorization", "Bearer " + submitter)
                            .header("Content-Type", (String) c.getValue()[0])
                            .POST(
                                    HttpRequest.BodyPublishers.ofInputStream(
                                            () -> new java.io.ByteArrayInputStream(body)))
                            .build();
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as(c.getKey() + ": " + response.body())
                    .isEqualTo(c.getValue()[2]);
            JsonNode answer = json.readTree(response.body());
            assertThat(answer.get("error").asText())
                    .as(c.getKey())
                    .isEqualTo((int) c.getValue()[2] == 413 ? "too_large" : "bad_multipart");
            assertThat(answer.get("reason").asText()).isNotBlank();
        }
        // The service still takes a good multipart upload on the same client.
        HttpResponse<String> ok =
                http.send(
                        HttpRequest.newBuilder(uri("/v1/reports"))
                                .header("Authorization", "Bearer " + submitter)
                                .header("Content-Type", "multipart/form-data; boundary=" + b)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(closed))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
    }

    @Test
    void overLongPartHeadersAreAnswered400EveryTimeNotWithAReset() throws Exception {
        // Jetty stops parsing at 8 kB of part headers; the rest of the body is still on its way.
        byte[] png = image("png", 9);
        for (int i = 0; i < 60; i++) {
            String b = "----medvie" + i;
            byte[] body =
                    concat(
                            ("--"
                                            + b
                                            + "\r\nContent-Disposition: form-data; name=\"file\";"
                                            + " filename=\""
                                            + "x".repeat(32 * 1024 + i * 500)
                                            + "\"\r\nContent-Type: image/png\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII),
                            png,
                            new byte[64 * 1024],
                            ("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(uri("/v1/reports"))
                                    .header("Authorization", "Bearer " + submitter)
                                    .header("Content-Type", "multipart/form-data; boundary=" + b)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void tokensAreRequiredAndRolesChecked() throws Exception {
        byte[] png = image("png", 5);
        assertThat(post(png, null).statusCode()).isEqualTo(401);
        assertThat(post(png, "mv_not-a-token").statusCode()).isEqualTo(401);
        assertThat(get("/v1/reports/x", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/admin/stats", submitter).statusCode()).isEqualTo(403);
        HttpResponse<String> stats = get("/v1/admin/stats", admin);
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(json.readTree(stats.body()).has("accepted")).isTrue();
        HttpResponse<String> tokens = get("/v1/admin/tokens", admin);
        assertThat(tokens.body()).contains("sub").doesNotContain(submitter);
    }

    @Test
    void watchedFolderSubmitsStableFilesAndSetsRejectsAside() throws Exception {
        Path watch = dir.resolve("inbox");
        Files.createDirectories(watch);
        byte[] png = image("png", 6);
        Files.write(watch.resolve("a.png"), png);
        Files.writeString(watch.resolve("b.pdf"), "not a pdf");
        try (FolderWatcher watcher =
                new FolderWatcher(watch, ingest.ingestor(), Duration.ofHours(1))) {
            watcher.pollOnce(); // first sight: size noted, not yet taken
            assertThat(watch.resolve("a.png")).exists();
            watcher.pollOnce(); // unchanged since: taken
        }
        assertThat(watch.resolve("a.png")).doesNotExist();
        assertThat(watch.resolve(FolderWatcher.PROCESSED).resolve("a.png")).exists();
        assertThat(watch.resolve(FolderWatcher.REJECTED).resolve("b.pdf")).exists();
        assertThat(
                        Files.readString(
                                watch.resolve(FolderWatcher.REJECTED).resolve("b.pdf.error.json")))
                .contains("unsupported_type");
        String id = Ingestor.reportIdOf(sha256(png));
        assertThat(get("/v1/reports/" + id, submitter).statusCode()).isEqualTo(200);
    }

    @Test
    void aRestartedIngestStillKnowsEarlierReports() throws Exception {
        byte[] png = image("png", 7);
        assertThat(post(png, submitter).statusCode()).isEqualTo(202);
        ingest.close();
        ingest = IngestService.start(config());
        HttpResponse<String> again = post(png, submitter);
        assertThat(json.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
    }

    private List<ReportSubmitted> readReports(Set<String> ids) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        List<ReportSubmitted> out = new ArrayList<>();
        AvroDeserializer<ReportSubmitted> values = new AvroDeserializer<>();
        values.configure(props, false);
        try (KafkaConsumer<String, ReportSubmitted> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(Set.of(Topics.REPORTS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (!out.stream().map(ReportSubmitted::getReportId).toList().containsAll(ids)
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            // Any extra event (a duplicate) would show up in this quiet period.
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> out.add(r.value()));
        }
        return out;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ingest.port() + path);
    }

    private HttpResponse<String> post(byte[] body, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri("/v1/reports"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] image(String format, int seed) throws Exception {
        BufferedImage img = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        img.setRGB(seed, seed, 0xffffff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Hemoglobin 13.2 g/dL");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long countFiles(Path root) throws Exception {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
