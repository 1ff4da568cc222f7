package io.medvie.synth.template;

import io.medvie.synth.content.Patient;
import io.medvie.synth.content.ReportContent;
import io.medvie.synth.content.ResultRow;
import io.medvie.synth.content.Rng;
import io.medvie.synth.content.Section;
import io.medvie.synth.layout.FieldTag;
import io.medvie.synth.render.Canvas;
import io.medvie.synth.render.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Drawing pieces shared by the templates: letterhead marks, key-value blocks, paragraphs. */
final class Kit {

    private Kit() {}

    /** Draws parts separated by single spaces; returns the x after them. */
    static double parts(Canvas c, double x, double base, TextStyle s, List<Part> parts) {
        double cx = x;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                cx += c.space(s);
            }
            Part p = parts.get(i);
            if (p.isRedacted()) {
                double w = s.size() * 5;
                c.fill(cx, base - s.size() * 0.85, w, s.size() * 1.1, 0x000000);
                cx += w;
                continue;
            }
            cx = c.text(cx, base, s, p.text(), p.tag(), -1);
        }
        return cx;
    }

    static double partsWidth(Canvas c, TextStyle s, List<Part> parts) {
        double w = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            w += (i > 0 ? c.space(s) : 0) + (p.isRedacted() ? s.size() * 5 : c.width(s, p.text()));
        }
        return w;
    }

    /**
     * A key : value block in {@code colX.length} columns, filled row by row. {@code labelW} is the
     * distance from a column's x to its colon; {@code colon} may be empty for "Label value".
     */
    static double keyValues(
            Canvas c,
            double y,
            double[] colX,
            double labelW,
            List<Entry> entries,
            TextStyle label,
            TextStyle value,
            String colon,
            double lineH) {
        int cols = colX.length;
        double base = y + lineH;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double x = colX[i % cols];
            if (e.label().isEmpty() && e.parts().isEmpty()) {
                if (i % cols == cols - 1 || i == entries.size() - 1) {
                    base += lineH;
                }
                continue;
            }
            double end = c.text(x, base, label, e.label());
            double vx;
            if (colon.isEmpty()) {
                vx = Math.max(end + c.space(label), x + labelW);
            } else {
                c.text(x + labelW, base, label, colon);
                // A wide gap after the colon, so that OCR reads ":" and the value as two words.
                vx = x + labelW + c.width(label, colon) + 2 * c.space(value);
            }
            // Shrink a long value rather than let it run into the next column.
            double limit = (i % cols == cols - 1 ? c.width() - 44 : colX[i % cols + 1] - 6) - vx;
            double need = partsWidth(c, value, e.parts());
            TextStyle vs =
                    need > limit ? value.size(Math.max(5.5, value.size() * limit / need)) : value;
            parts(c, vx, base, vs, e.parts());
            if (i % cols == cols - 1 || i == entries.size() - 1) {
                base += lineH;
            }
        }
        return base - lineH + lineH * 0.5;
    }

    static List<Part> name(Patient p) {
        List<Part> parts = new ArrayList<>();
        if (p.honorific() != null) {
            parts.add(Part.o(p.honorific()));
        }
        parts.add(Part.of(p.name(), FieldTag.PATIENT_NAME));
        return parts;
    }

    static List<Part> ageSex(Patient p) {
        return List.of(
                Part.of(p.age(), FieldTag.PATIENT_AGE),
                Part.o("/"),
                Part.of(p.sexPrinted(), FieldTag.PATIENT_SEX));
    }

    /** A round logo with the lab's initials, or a cross, in the lab colour. */
    static void logo(Canvas c, double x, double y, double size, ReportContent content, Rng rng) {
        int color = content.lab().color();
        if (rng.chance(0.5)) {
            c.oval(x, y, size, size, color);
            double bar = size * 0.22;
            c.fill(x + (size - bar) / 2, y + size * 0.2, bar, size * 0.6, 0xffffff);
            c.fill(x + size * 0.2, y + (size - bar) / 2, size * 0.6, bar, 0xffffff);
        } else {
            c.fill(x, y, size, size, color);
            c.oval(x + size * 0.18, y + size * 0.18, size * 0.64, size * 0.64, 0xffffff);
            c.oval(x + size * 0.34, y + size * 0.34, size * 0.32, size * 0.32, color);
        }
    }

    /** A barcode-like row of bars (not a decodable symbology; only its look matters). */
    static void barcode(Canvas c, double x, double y, double w, double h, Rng rng) {
        double cx = x;
        double unit = w / 95.0;
        boolean dark = true;
        while (cx < x + w - unit) {
            double bw = unit * rng.between(1, 3);
            if (dark) {
                c.fill(cx, y, Math.min(bw, x + w - cx), h, 0x000000);
            }
            cx += bw;
            dark = !dark;
        }
    }

    /** A QR-code-like square of modules with the three finder patterns. */
    static void qr(Canvas c, double x, double y, double size, Rng rng) {
        int n = 25;
        double m = size / n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean finder = (i < 8 && j < 8) || (i < 8 && j >= n - 8) || (i >= n - 8 && j < 8);
                if (!finder && rng.chance(0.5)) {
                    c.fill(x + j * m, y + i * m, m, m, 0x000000);
                }
            }
        }
        for (double[] f : new double[][] {{0, 0}, {0, n - 7}, {n - 7, 0}}) {
            double fx = x + f[1] * m;
            double fy = y + f[0] * m;
            c.fill(fx, fy, 7 * m, 7 * m, 0x000000);
            c.fill(fx + m, fy + m, 5 * m, 5 * m, 0xffffff);
            c.fill(fx + 2 * m, fy + 2 * m, 3 * m, 3 * m, 0x000000);
        }
    }

    /** A handwritten-looking signature stroke, in ink blue, above a signature line. */
    static void scribble(Canvas c, double x, double y, double w, Rng rng) {
        int n = rng.between(10, 18);
        double px = x;
        double py = y - rng.uniform(2, 10);
        for (int i = 1; i <= n; i++) {
            double nx = x + w * i / n + rng.uniform(-4, 4);
            double ny = y - rng.uniform(0, 16);
            c.line(px, py, nx, ny, rng.uniform(0.4, 0.8), 0x3a4a8c);
            px = nx;
            py = ny;
        }
    }

    /** A wrapped paragraph; returns the y below it. */
    static double paragraph(
            Canvas c, double x, double y, double maxW, TextStyle s, String text, double lineH) {
        double base = y + lineH;
        for (String line : c.wrap(text, s, maxW)) {
            c.text(x, base, s, line);
            base += lineH;
        }
        return base - lineH + 4;
    }

    static double paragraphHeight(Canvas c, double maxW, TextStyle s, String text, double lineH) {
        return c.wrap(text, s, maxW).size() * lineH + 4;
    }

    /** Writes "Page i of n" (or the given pattern with %d %d) on every page at (x, base). */
    static void pageNumbers(
            Canvas c, String pattern, double x, double base, TextStyle s, boolean rightAligned) {
        int n = c.pageCount();
        for (int i = 0; i < n; i++) {
            c.selectPage(i);
            String t = String.format(Locale.ROOT, pattern, i + 1, n);
            if (rightAligned) {
                c.textRight(x, base, s, t);
            } else {
                c.text(x, base, s, t);
            }
        }
        c.selectPage(n - 1);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Draws all sections as one table flow with headings; the common body of several templates. */
    static void sections(
            Canvas c,
            Flow flow,
            ReportContent content,
            ResultTable table,
            TextStyle heading,
            TextStyle sub,
            boolean departments,
            boolean underlineHeadings) {
        String lastDept = null;
        for (Section s : content.sections()) {
            double need = heading.size() * 2 + table.rowHeight(s.rows().get(0));
            if (departments && !s.department().equals(lastDept)) {
                flow.ensure(need + heading.size() * 1.6);
                flow.y += heading.size() * 1.4;
                c.textCenter(c.width() / 2, flow.y, heading, s.department());
                lastDept = s.department();
                flow.y += 4;
            }
            flow.ensure(need);
            flow.y += heading.size() * 1.3;
            double end = c.text(table.left() + 3, flow.y, heading, s.heading());
            if (underlineHeadings) {
                c.hline(table.left() + 3, end, flow.y + 2, 0.6);
            }
            flow.y += 5;
            for (ResultRow r : s.rows()) {
                if (r.subheading() != null) {
                    flow.ensure(sub.size() * 1.5 + table.rowHeight(r));
                    flow.y += sub.size() * 1.3;
                    c.text(table.left() + 3, flow.y, sub, r.subheading());
                    flow.y += 3;
                }
                flow.ensure(table.rowHeight(r));
                flow.y = table.row(c, flow.y, r);
            }
        }
    }

    /** Notes under the results, each as a wrapped paragraph. */
    static void notes(
            Canvas c,
            Flow flow,
            ReportContent content,
            double x,
            double w,
            TextStyle s,
            String title) {
        if (content.notes().isEmpty()) {
            return;
        }
        double lineH = s.size() * 1.3;
        if (title != null) {
            flow.ensure(lineH * 3);
            flow.y += lineH + 4;
            c.text(x, flow.y, ResultTable.bolder(s), title);
        }
        for (String n : content.notes()) {
            flow.ensure(paragraphHeight(c, w, s, n, lineH));
            flow.y = paragraph(c, x, flow.y, w, s, n, lineH);
        }
    }

    /** Signature block: signer names and titles side by side; returns the y below it. */
    static double signatures(
            Canvas c,
            double y,
            double left,
            double right,
            ReportContent content,
            TextStyle s,
            Rng rng) {
        List<String> sg = content.signers();
        int n = sg.size() / 2;
        double lineH = s.size() * 1.3;
        for (int i = 0; i < n; i++) {
            double x =
                    n == 1
                            ? right - 150
                            : left
                                    + i * (right - left) / n
                                    + (i == n - 1 ? (right - left) / n - 150 : 0);
            if (rng.chance(0.6)) {
                scribble(c, x + 10, y - 4, 90, rng);
            }
            c.hline(x, x + 120, y, 0.4);
            c.text(x, y + lineH, ResultTable.bolder(s), sg.get(2 * i));
            c.text(x, y + 2 * lineH, s, sg.get(2 * i + 1));
        }
        return y + 2 * lineH + 4;
    }
}
