package io.medvie.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Pages drawn with Java2D whose words and boxes are known, for the OCR tests. */
final class TestPages {
    static final String[][] LINES = {
        {"Hemoglobin", "13.2", "g/dL", "12.0-16.0"},
        {"Platelets", "250", "x10^9/L", "150-400"},
        {"Glucose", "5.4", "mmol/L", "3.9-5.5"},
        {"Creatinine", "88", "umol/L", "45-90"},
        {"Cholesterol", "4.1", "mmol/L", "below", "5.2"},
    };

    private TestPages() {}

    /**
     * An A4 page at the given dpi with the test lines at its top; the expected word boxes (ink
     * bounds) go to truth.
     */
    static BufferedImage labPage(int dpi, List<OcrWord> truth) {
        int width = (int) Math.round(8.27 * dpi);
        int height = (int) Math.round(11.69 * dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // 12 pt at the page's dpi.
            Font font = new Font("DejaVu Sans", Font.PLAIN, Math.round(12f * dpi / 72f));
            g.setFont(font);
            FontRenderContext frc = g.getFontRenderContext();
            int[] columns = {
                (int) (0.4 * dpi), (int) (2.0 * dpi), (int) (2.9 * dpi), (int) (4.1 * dpi)
            };
            int baseline = (int) (0.6 * dpi);
            for (String[] line : LINES) {
                int x = columns[0];
                for (int i = 0; i < line.length; i++) {
                    String word = line[i];
                    if (i < columns.length && i > 0) {
                        x = Math.max(x, columns[i]);
                    }
                    g.drawString(word, x, baseline);
                    Rectangle2D bounds = font.createGlyphVector(frc, word).getVisualBounds();
                    truth.add(
                            new OcrWord(
                                    word,
                                    (int) Math.floor(x + bounds.getX()),
                                    (int) Math.floor(baseline + bounds.getY()),
                                    (int) Math.ceil(bounds.getWidth()),
                                    (int) Math.ceil(bounds.getHeight()),
                                    1f));
                    x += (int) font.getStringBounds(word + " ", frc).getWidth();
                }
                baseline += (int) (0.5 * dpi);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static BufferedImage labPage(int dpi) {
        return labPage(dpi, new ArrayList<>());
    }

    /** The truth boxes moved by a transform of the page (their bounds, as a scanner would show). */
    static List<OcrWord> transform(List<OcrWord> truth, java.awt.geom.AffineTransform t) {
        List<OcrWord> out = new ArrayList<>();
        for (OcrWord w : truth) {
            java.awt.Rectangle r =
                    t.createTransformedShape(
                                    new java.awt.Rectangle(w.x(), w.y(), w.width(), w.height()))
                            .getBounds();
            out.add(new OcrWord(w.text(), r.x, r.y, r.width, r.height, 1f));
        }
        return out;
    }

    /** How many truth words some read word matches: same text and IoU over 0.5. */
    static long matched(List<OcrWord> truth, List<OcrWord> read) {
        return truth.stream()
                .filter(
                        t ->
                                read.stream()
                                        .anyMatch(w -> w.text().equals(t.text()) && w.iou(t) > 0.5))
                .count();
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
