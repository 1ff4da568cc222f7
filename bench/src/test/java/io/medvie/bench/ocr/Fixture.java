package io.medvie.bench.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small dataset in the synth output layout, written by hand: one "clean" report (a PNG at 200 dpi
 * drawn with Java2D) and one "pdf" report (born-digital, boxes in PDF points).
 */
public final class Fixture {
    static final String[] WORDS = {
        "Hemoglobin", "13.2", "g/dL", "Glucose", "5.4", "mmol/L", "Creatinine", "88", "umol/L"
    };

    private Fixture() {}

    public static Path write(Path root) throws IOException {
        Files.writeString(
                root.resolve("manifest.json"),
                """
                {"format":"medvie-dataset/1","generator":"bench test","seed":0,
                 "reports":[{"id":"r1","dir":"r1","style":"clean","pages":1},
                            {"id":"r2","dir":"r2","style":"pdf","pages":1}]}
                """,
                StandardCharsets.UTF_8);
        cleanReport(Files.createDirectories(root.resolve("r1")));
        pdfReport(Files.createDirectories(root.resolve("r2")));
        return root;
    }

    private static void cleanReport(Path dir) throws IOException {
        int dpi = 200;
        int width = (int) Math.round(8.27 * dpi);
        int height = (int) Math.round(11.69 * dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        StringBuilder words = new StringBuilder();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font font = new Font("DejaVu Sans", Font.PLAIN, Math.round(12f * dpi / 72));
            g.setFont(font);
            FontRenderContext frc = g.getFontRenderContext();
            for (int i = 0; i < WORDS.length; i++) {
                int x = 150 + (i % 3) * 450;
                int y = 200 + (i / 3) * 100;
                g.drawString(WORDS[i], x, y);
                Rectangle2D b = font.createGlyphVector(frc, WORDS[i]).getVisualBounds();
                words.append(words.length() == 0 ? "" : ",")
                        .append(
                                String.format(
                                        Locale.ROOT,
                                        "{\"text\":\"%s\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"tag\":\"O\"}",
                                        WORDS[i],
                                        x + b.getX(),
                                        y + b.getY(),
                                        b.getWidth(),
                                        b.getHeight()));
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", dir.resolve("page-1.png").toFile());
        Files.writeString(
                dir.resolve("page-1.words.json"),
                String.format(
                        Locale.ROOT,
                        "{\"page\":1,\"width\":%d,\"height\":%d,\"dpi\":%d,\"image\":\"page-1.png\",\"words\":[%s]}",
                        width,
                        height,
                        dpi,
                        words));
        Files.writeString(
                dir.resolve("meta.json"),
                """
                {"id":"r1","template":"t","style":"clean","seed":1,"dpi":200,
                 "coordinates":"image-pixels","page_count":1,"document":"document.json",
                 "pages":[{"page":1,"image":"page-1.png","words":"page-1.words.json"}]}
                """);
    }

    private static void pdfReport(Path dir) throws IOException {
        StringBuilder words = new StringBuilder();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font =
                    PDType0Font.load(
                            doc, new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
            float size = 12;
            float capHeight = 0.729f * size;
            float descent = 0.236f * size;
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                for (int i = 0; i < WORDS.length; i++) {
                    float x = 72 + (i % 3) * 160;
                    float top = 100 + (i / 3) * 30;
                    content.beginText();
                    content.setFont(font, size);
                    content.newLineAtOffset(x, PDRectangle.A4.getHeight() - top);
                    content.showText(WORDS[i]);
                    content.endText();
                    float w = font.getStringWidth(WORDS[i]) / 1000 * size;
                    words.append(words.length() == 0 ? "" : ",")
                            .append(
                                    String.format(
                                            Locale.ROOT,
                                            "{\"text\":\"%s\",\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}",
                                            WORDS[i],
                                            x,
                                            top - capHeight,
                                            w,
                                            capHeight + descent));
                }
            }
            doc.save(dir.resolve("report.pdf").toFile());
        }
        Files.writeString(
                dir.resolve("page-1.words.json"),
                "{\"page\":1,\"width\":595,\"height\":842,\"dpi\":72,\"words\":[" + words + "]}");
        Files.writeString(
                dir.resolve("meta.json"),
                """
                {"id":"r2","template":"t","style":"pdf","seed":2,"dpi":72,
                 "coordinates":"pdf-points","page_count":1,"document":"document.json",
                 "pdf":"report.pdf","pages":[{"page":1,"words":"page-1.words.json"}]}
                """);
    }

    static List<String> words() {
        return new ArrayList<>(List.of(WORDS));
    }
}
