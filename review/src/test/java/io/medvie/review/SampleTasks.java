package io.medvie.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.blobstore.BlobStore;
import io.medvie.events.Box;
import io.medvie.events.ExtractedField;
import io.medvie.events.FieldCheck;
import io.medvie.events.ReviewTask;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Review tasks made the way the extractor will make them, for tests: a drawn lab report page (PNG,
 * or a PDF), its document, every value as a field with its box on the page, and checks on the
 * uncertain ones. The synth generator will replace the drawing once extraction events exist.
 */
final class SampleTasks {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The values printed, in order: path, label, value. */
    static final List<String[]> PATIENT =
            List.of(
                    new String[] {"patient.name", "Patient", "Jane Roe"},
                    new String[] {"patient.id", "Patient ID", "P-0042"},
                    new String[] {"patient.sex", "Sex", "F"},
                    new String[] {"patient.age", "Age", "63"},
                    new String[] {"report.lab_name", "Lab", "Northside Clinical Lab"},
                    new String[] {"report.collected_at", "Collected", "2026-03-14 08:10"});

    static final List<String[]> TESTS =
            List.of(
                    new String[] {"Hemoglobin", "13.2", "g/dL", "12.0-16.0"},
                    new String[] {"WBC", "7.9", "10^3/uL", "4.0-11.0"},
                    new String[] {"Platelets", "250", "10^3/uL", "150-400"},
                    new String[] {"Glucose", "5.4", "mmol/L", "3.9-5.6"});

    private SampleTasks() {}

    /**
     * A PNG report whose model document misreads one value: the WBC value is printed as 7.9 but the
     * model says {@code wrongWbc}, with low confidence.
     */
    static ReviewTask png(BlobStore blobs, String taskId, double priority, Instant createdAt)
            throws IOException {
        int width = 1240;
        int height = 1754;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("LABORATORY REPORT", 80, 120);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        FontMetrics fm = g.getFontMetrics();
        List<ExtractedField> fields = new ArrayList<>();
        int y = 220;
        for (String[] p : PATIENT) {
            g.drawString(p[1] + " :", 80, y);
            g.drawString(p[2], 420, y);
            fields.add(field(p[0], p[2], 0.97f, box(fm, 420, y, p[2])));
            y += 50;
        }
        y += 60;
        String[] headers = {"Test", "Result", "Unit", "Reference"};
        int[] xs = {80, 480, 700, 930};
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        for (int i = 0; i < headers.length; i++) {
            g.drawString(headers[i], xs[i], y);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        y += 60;
        String[] columns = {"name", "value", "unit", "reference_range"};
        for (int row = 0; row < TESTS.size(); row++) {
            String[] t = TESTS.get(row);
            for (int c = 0; c < columns.length; c++) {
                g.drawString(t[c], xs[c], y);
                float confidence = row == 1 && c == 1 ? 0.41f : 0.93f;
                fields.add(
                        field(
                                "tests[" + row + "]." + columns[c],
                                t[c],
                                confidence,
                                box(fm, xs[c], y, t[c])));
            }
            y += 55;
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        String uri = blobs.put(out.toByteArray()).uri();
        return task(taskId, uri, "image/png", fields, priority, createdAt);
    }

    /** The same report as a one-page PDF; boxes in pixels of a 300-dpi rendering. */
    static ReviewTask pdf(BlobStore blobs, String taskId, double priority, Instant createdAt)
            throws IOException {
        List<ExtractedField> fields = new ArrayList<>();
        byte[] bytes;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float size = 11;
            float pageHeight = page.getMediaBox().getHeight();
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float y = pageHeight - 100;
                for (String[] p : PATIENT) {
                    write(s, font, size, 60, y, p[1] + " :");
                    write(s, font, size, 200, y, p[2]);
                    float w = font.getStringWidth(p[2]) / 1000 * size;
                    // PDF points to pixels at 300 dpi, with y from the top.
                    float k = 300f / 72f;
                    fields.add(
                            field(
                                    p[0],
                                    p[2],
                                    0.95f,
                                    new Box(
                                            200 * k,
                                            (pageHeight - y - size) * k,
                                            w * k,
                                            size * 1.3f * k)));
                    y -= 22;
                }
                y -= 30;
                String[] columns = {"name", "value", "unit", "reference_range"};
                float[] xs = {60, 250, 340, 440};
                for (int row = 0; row < TESTS.size(); row++) {
                    String[] t = TESTS.get(row);
                    for (int c = 0; c < columns.length; c++) {
                        write(s, font, size, xs[c], y, t[c]);
                        float w = font.getStringWidth(t[c]) / 1000 * size;
                        float k = 300f / 72f;
                        fields.add(
                                field(
                                        "tests[" + row + "]." + columns[c],
                                        t[c],
                                        row == 1 && c == 1 ? 0.41f : 0.93f,
                                        new Box(
                                                xs[c] * k,
                                                (pageHeight - y - size) * k,
                                                w * k,
                                                size * 1.3f * k)));
                    }
                    y -= 22;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            bytes = out.toByteArray();
        }
        String uri = blobs.put(bytes).uri();
        return task(taskId, uri, "application/pdf", fields, priority, createdAt);
    }

    private static void write(
            PDPageContentStream s, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    /** The model's view: every printed value, but the WBC value misread as 7.6. */
    static final String MODEL_WBC = "7.6";

    private static ReviewTask task(
            String taskId,
            String uri,
            String mediaType,
            List<ExtractedField> fields,
            double priority,
            Instant createdAt) {
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode patient = doc.putObject("patient");
        ObjectNode report = doc.putObject("report");
        for (String[] p : PATIENT) {
            String[] parts = p[0].split("\\.");
            (parts[0].equals("patient") ? patient : report).put(parts[1], p[2]);
        }
        ArrayNode tests = doc.putArray("tests");
        for (int row = 0; row < TESTS.size(); row++) {
            String[] t = TESTS.get(row);
            ObjectNode test = tests.addObject();
            test.put("name", t[0]);
            test.put("value", row == 1 ? MODEL_WBC : t[1]);
            test.put("unit", t[2]);
            test.put("reference_range", t[3]);
        }
        List<ExtractedField> modelFields = new ArrayList<>();
        for (ExtractedField f : fields) {
            if (f.getPath().equals("tests[1].value")) {
                f = ExtractedField.newBuilder(f).setValue(MODEL_WBC).build();
            }
            modelFields.add(f);
        }
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("tests[1].value", "LOW_CONFIDENCE 0.41 < 0.80");
        checks.put("report.report_id", "MISSING_REQUIRED");
        return ReviewTask.newBuilder()
                .setTaskId(taskId)
                .setReportId("r-" + taskId)
                .setBlobUri(uri)
                .setMediaType(mediaType)
                .setModelVersion("m-test")
                .setDocument(doc.toString())
                .setFields(modelFields)
                .setChecks(
                        checks.entrySet().stream()
                                .map(e -> new FieldCheck(e.getKey(), e.getValue()))
                                .toList())
                .setReasons(List.of("LOW_CONFIDENCE", "MISSING_REQUIRED"))
                .setPriority(priority)
                .setCreatedAt(createdAt)
                .build();
    }

    private static ExtractedField field(String path, String value, float confidence, Box box) {
        return ExtractedField.newBuilder()
                .setPath(path)
                .setValue(value)
                .setConfidence(confidence)
                .setPage(0)
                .setBox(box)
                .build();
    }

    private static Box box(FontMetrics fm, int x, int baseline, String text) {
        return new Box(
                x - 4f,
                baseline - fm.getAscent() - 4f,
                fm.stringWidth(text) + 8f,
                fm.getAscent() + fm.getDescent() + 8f);
    }
}
