package io.medvie.extractor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.model.metric.FieldMetric;
import io.medvie.schemas.json.DocumentSchemas;
import io.medvie.synth.generate.DatasetWriter;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.LabeledReport;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code medvie extract} and {@code medvie eval} with the default model on generated files: real
 * PDFBox, Tesseract and DJL.
 */
class ExtractIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DocumentSchemas SCHEMAS = new DocumentSchemas();

    @TempDir static Path dir;
    static LabeledReport pdf;
    static LabeledReport png;

    @BeforeAll
    static void generate() throws Exception {
        pdf = generate("pdf", "classic", 3);
        png = generate("clean", "diagnostic-centre", 4);
    }

    private static LabeledReport generate(String style, String template, long seed)
            throws Exception {
        Path out = dir.resolve(style);
        new DatasetWriter(
                        new SynthOptions(
                                2,
                                Templates.select(List.of(template), List.of()),
                                Style.parse(style),
                                seed,
                                out,
                                0,
                                false,
                                1))
                .run(done -> {});
        return DatasetReader.open(out).read(0);
    }

    private static int run(Object command, StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static void assertUsable(JsonNode result, LabeledReport truth, double minF1) {
        JsonNode document = result.get("document");
        assertThat(result.get("valid").asBoolean()).isTrue();
        assertThat(
                        SCHEMAS.validate(
                                DocumentSchemas.LAB_REPORT,
                                DocumentSchemas.LAB_REPORT_VERSION,
                                document))
                .isEmpty();
        assertThat(document.get("tests").size()).isPositive();
        assertThat(result.get("fields").size()).isPositive();
        for (JsonNode f : result.get("fields")) {
            assertThat(f.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(f.get("box")).hasSize(4);
            assertThat(f.get("box").get(2).asDouble()).isPositive();
            assertThat(f.get("page").asInt()).isZero();
        }
        double f1 = FieldMetric.score(document, truth.document()).total().f1();
        System.out.printf("%s: field F1 %.4f%n", truth.meta().style(), f1);
        assertThat(f1).isGreaterThan(minF1);
    }

    @Test
    void extractsABornDigitalPdfAndAPngIntoValidDocuments() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path png1 = png.imagePath(1);
        int code =
                run(
                        new ExtractCommand(),
                        out,
                        err,
                        pdf.pdfPath().toString(),
                        png1.toString(),
                        "--format",
                        "jsonl",
                        "--device",
                        "cpu");
        assertThat(code).as("stderr: %s", err).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode fromPdf = MAPPER.readTree(lines[0]);
        JsonNode fromPng = MAPPER.readTree(lines[1]);
        assertThat(fromPdf.get("file").asText()).isEqualTo(pdf.pdfPath().toString());
        assertThat(fromPdf.get("model_version").asText()).isNotBlank();
        // Floors far below what the default model measures (docs/model.md), above chance.
        assertUsable(fromPdf, pdf, 0.5);
        assertUsable(fromPng, png, 0.3);
    }

    @Test
    void badFilesAreReportedAndTheOthersStillExtracted() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                run(
                        new ExtractCommand(),
                        out,
                        err,
                        empty.toString(),
                        pdf.pdfPath().toString(),
                        "--device",
                        "cpu");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("empty.pdf").contains("empty");
        JsonNode results = MAPPER.readTree(out.toString());
        assertThat(results.isArray()).isTrue();
        assertThat(results).hasSize(1);
    }

    @Test
    void evalPrintsOneJsonObjectWithPerFieldAndPerStyleScores() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                run(
                        new EvalCommand(),
                        out,
                        err,
                        "--data",
                        dir.resolve("pdf").toString(),
                        "--json",
                        "--threads",
                        "1",
                        "--device",
                        "cpu");
        assertThat(code).as("stderr: %s", err).isZero();
        JsonNode r = MAPPER.readTree(out.toString());
        assertThat(r.get("documents").asInt()).isEqualTo(2);
        assertThat(r.get("f1").asDouble()).isBetween(0.5, 1.0);
        assertThat(r.get("precision").asDouble()).isPositive();
        assertThat(r.get("recall").asDouble()).isPositive();
        assertThat(r.get("fields").has("test.value")).isTrue();
        assertThat(r.get("styles").has("pdf")).isTrue();
        // The pages were cached for the next run.
        assertThat(dir.resolve("pdf").resolve("r000000").resolve("page-1.ocr.json")).exists();
    }
}
