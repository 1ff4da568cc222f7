package io.medvie.synth.render;

import io.medvie.synth.content.ResultRow;
import io.medvie.synth.layout.FieldTag;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What templates draw on: pages in PDF points, words placed one by one with their ink boxes
 * measured from the same TTF outlines every renderer uses, and the ground truth collected as tagged
 * words are placed.
 */
public final class Canvas {

    /** A4 portrait in points. */
    public static final double A4_W = 595.276;

    public static final double A4_H = 841.89;

    // Fractional metrics, no hinting: advances scale linearly, so points measured here land on
    // the same pixels at any dpi and match PDFBox's widths.
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final Fonts fonts = Fonts.get();
    private final Map<TextStyle, Font> derived = new HashMap<>();
    private final List<PageLayout> pages = new ArrayList<>();
    private final GroundTruth truth;
    private final double pageW;
    private final double pageH;
    private PageLayout page;

    public Canvas(GroundTruth truth, double pageW, double pageH) {
        this.truth = truth;
        this.pageW = pageW;
        this.pageH = pageH;
        newPage();
    }

    public void newPage() {
        page = new PageLayout(pageW, pageH);
        pages.add(page);
    }

    public List<PageLayout> pages() {
        return List.copyOf(pages);
    }

    public int pageCount() {
        return pages.size();
    }

    /** Draws on an earlier page, for footers written once the page count is known. */
    public void selectPage(int index) {
        page = pages.get(index);
    }

    public double width() {
        return pageW;
    }

    public double height() {
        return pageH;
    }

    public GroundTruth truth() {
        return truth;
    }

    /** Starts a tests[] row for {@code r}; tag its words with the returned index. */
    public int beginRow(ResultRow r) {
        return truth.beginRow(r.flag());
    }

    Font font(TextStyle s) {
        return derived.computeIfAbsent(s, k -> fonts.awt(k.face()).deriveFont((float) k.size()));
    }

    private TextStyle displayable(TextStyle s, String word) {
        // The fallback font has every glyph the generator prints (arrows, micro, superscripts).
        return font(s).canDisplayUpTo(word) == -1 ? s : s.face(FontFace.DEJAVU_SANS);
    }

    /** Advance width of a phrase as {@link #text} would lay it out. */
    public double width(TextStyle s, String phrase) {
        String[] words = split(phrase);
        double w = 0;
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                w += space(s);
            }
            w += advance(displayable(s, words[i]), words[i]);
        }
        return w;
    }

    public double space(TextStyle s) {
        // Some faces have spaces near a quarter em; printed reports set words wider apart, and a
        // narrower gap makes OCR join "0.5 - 2.5" into one word that the truth has as three
        // (still often at 0.3 em: docs/benchmarks.md).
        return Math.max(advance(s, " "), 0.36 * s.size());
    }

    private double advance(TextStyle s, String text) {
        return font(s).getStringBounds(text, FRC).getWidth();
    }

    public double ascent(TextStyle s) {
        return font(s).getLineMetrics("Hg", FRC).getAscent();
    }

    /** Plain text that is not a field. */
    public double text(double x, double baseline, TextStyle s, String phrase) {
        return text(x, baseline, s, phrase, FieldTag.O, -1);
    }

    /**
     * Places a phrase word by word from {@code x} and records the field; returns the x after it.
     */
    public double text(
            double x, double baseline, TextStyle s, String phrase, FieldTag tag, int row) {
        double end = place(x, baseline, s, phrase, tag, row);
        String[] words = split(phrase);
        if (words.length > 0) {
            truth.record(tag, row, String.join(" ", words));
        }
        return end;
    }

    /**
     * One field value wrapped over several lines, each line starting at {@code x}; the value is the
     * lines joined by single spaces. Returns the baseline of the last line.
     */
    public double textLines(
            double x,
            double baseline,
            double lineH,
            TextStyle s,
            List<String> lines,
            FieldTag tag) {
        double b = baseline;
        for (String line : lines) {
            place(x, b, s, line, tag, -1);
            b += lineH;
        }
        truth.record(tag, -1, String.join(" ", lines).strip().replaceAll("\\s+", " "));
        return b - lineH;
    }

    private double place(
            double x, double baseline, TextStyle s, String phrase, FieldTag tag, int row) {
        String[] words = split(phrase);
        double cx = x;
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                cx += space(s);
            }
            TextStyle ws = displayable(s, words[i]);
            GlyphVector gv = font(ws).createGlyphVector(FRC, words[i]);
            Rectangle2D ink = gv.getVisualBounds();
            page.add(
                    new DrawOp.Text(
                            words[i],
                            ws,
                            cx,
                            baseline,
                            tag.path(),
                            tag.isTest() ? row : -1,
                            cx + ink.getX(),
                            baseline + ink.getY(),
                            ink.getWidth(),
                            ink.getHeight()));
            cx += advance(ws, words[i]);
        }
        return cx;
    }

    public double textRight(double right, double baseline, TextStyle s, String phrase) {
        return textRight(right, baseline, s, phrase, FieldTag.O, -1);
    }

    public double textRight(
            double right, double baseline, TextStyle s, String phrase, FieldTag tag, int row) {
        return text(right - width(s, phrase), baseline, s, phrase, tag, row);
    }

    public double textCenter(double cx, double baseline, TextStyle s, String phrase) {
        return text(cx - width(s, phrase) / 2, baseline, s, phrase, FieldTag.O, -1);
    }

    public double textCenter(
            double cx, double baseline, TextStyle s, String phrase, FieldTag tag, int row) {
        return text(cx - width(s, phrase) / 2, baseline, s, phrase, tag, row);
    }

    /** Breaks a paragraph into lines no wider than {@code max}. */
    public List<String> wrap(String paragraph, TextStyle s, double max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : split(paragraph)) {
            String candidate = line.length() == 0 ? w : line + " " + w;
            if (line.length() > 0 && width(s, candidate) > max) {
                lines.add(line.toString());
                line = new StringBuilder(w);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    public void line(double x1, double y1, double x2, double y2, double width, int color) {
        page.add(new DrawOp.Line(x1, y1, x2, y2, width, color));
    }

    public void hline(double x1, double x2, double y, double width) {
        line(x1, y, x2, y, width, 0x000000);
    }

    public void fill(double x, double y, double w, double h, int color) {
        page.add(new DrawOp.Fill(x, y, w, h, color));
    }

    public void box(double x, double y, double w, double h, double width, int color) {
        page.add(new DrawOp.Box(x, y, w, h, width, color));
    }

    public void oval(double x, double y, double w, double h, int color) {
        page.add(new DrawOp.Oval(x, y, w, h, color));
    }

    private static String[] split(String phrase) {
        String t = phrase.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
