package io.medvie.synth.template;

import io.medvie.synth.content.Flag;
import io.medvie.synth.content.ResultRow;
import io.medvie.synth.layout.FieldTag;
import io.medvie.synth.render.Canvas;
import io.medvie.synth.render.FontFace;
import io.medvie.synth.render.TextStyle;
import java.util.List;

/** A results table with configurable columns, rules and flag marks. */
final class ResultTable {

    enum Kind {
        NAME,
        VALUE,
        FLAG,
        UNIT,
        RANGE,
        METHOD,
        PREVIOUS
    }

    /**
     * How an abnormal result is marked; in the FLAG column if there is one, else after the value.
     */
    enum FlagStyle {
        NONE,
        LETTER,
        WORD,
        ARROW,
        STAR,
        SIGN
    }

    enum Rules {
        NONE,
        HEADER,
        GRID,
        ZEBRA
    }

    record Column(Kind kind, String header, double x, double width, boolean right) {
        static Column left(Kind k, String header, double x, double w) {
            return new Column(k, header, x, w, false);
        }

        static Column right(Kind k, String header, double x, double w) {
            return new Column(k, header, x, w, true);
        }
    }

    private final List<Column> cols;
    private final TextStyle body;
    private final TextStyle head;
    private final double lineH;
    private final FlagStyle flags;
    private final boolean boldAbnormal;
    private final boolean methodUnderName;
    private final Rules rules;
    private final boolean hasFlagColumn;
    private int rowIndex;

    ResultTable(
            List<Column> cols,
            TextStyle body,
            TextStyle head,
            double lineH,
            FlagStyle flags,
            boolean boldAbnormal,
            boolean methodUnderName,
            Rules rules) {
        this.cols = cols;
        this.body = body;
        this.head = head;
        this.lineH = lineH;
        this.flags = flags;
        this.boldAbnormal = boldAbnormal;
        this.methodUnderName = methodUnderName;
        this.rules = rules;
        this.hasFlagColumn = cols.stream().anyMatch(c -> c.kind() == Kind.FLAG);
    }

    double left() {
        return cols.get(0).x() - pad();
    }

    double right() {
        Column last = cols.get(cols.size() - 1);
        return last.x() + last.width() + pad();
    }

    /**
     * Space between a column's text and the rule beside it. Ruled cells get a wider margin, as
     * printed grids have: a rule close to a word reads as a letter ("|%").
     */
    private double pad() {
        return rules == Rules.GRID ? 6 : 3;
    }

    double lineHeight() {
        return lineH;
    }

    /** Draws the header row at {@code y} (top) and returns the y below it. */
    double header(Canvas c, double y) {
        double h = lineH + 4;
        if (rules == Rules.GRID || rules == Rules.ZEBRA) {
            c.fill(left(), y, right() - left(), h, 0xdddddd);
        }
        if (rules != Rules.NONE) {
            c.hline(left(), right(), y, 0.8);
            c.hline(left(), right(), y + h, 0.8);
        }
        double base = rules == Rules.GRID ? y + h / 2 + head.size() * 0.33 : y + lineH - 1;
        for (Column col : cols) {
            if (col.header().isEmpty()) {
                continue;
            }
            if (col.right()) {
                c.textRight(col.x() + col.width(), base, head, col.header());
            } else {
                c.text(col.x(), base, head, col.header());
            }
        }
        if (rules == Rules.GRID) {
            verticals(c, y, h);
        }
        if (rules == Rules.NONE) {
            c.hline(left(), right(), y + h - 1, 0.4);
        }
        return y + h + 2;
    }

    private void verticals(Canvas c, double y, double h) {
        c.line(left(), y, left(), y + h, 0.5, 0x000000);
        for (int i = 1; i < cols.size(); i++) {
            double x = cols.get(i).x() - pad();
            c.line(x, y, x, y + h, 0.5, 0x000000);
        }
        c.line(right(), y, right(), y + h, 0.5, 0x000000);
    }

    double rowHeight(ResultRow r) {
        int lines = Math.max(1, hasKind(Kind.RANGE) ? r.rangeLines().size() : 1);
        if (methodUnderName && r.method() != null) {
            lines = Math.max(lines, 2);
        }
        return lines * lineH + 2;
    }

    private boolean hasKind(Kind k) {
        return cols.stream().anyMatch(c -> c.kind() == k);
    }

    /** Draws one result with its top at {@code y}; returns the y below it. */
    double row(Canvas c, double y, ResultRow r) {
        double h = rowHeight(r);
        if (rules == Rules.ZEBRA && rowIndex % 2 == 1) {
            c.fill(left(), y - 1, right() - left(), h, 0xf0f0f0);
        }
        rowIndex++;
        int row = c.beginRow(r);
        // Ruled rows centre the first line between the rules, so that descenders stay clear of
        // the rule below; unruled rows sit on the line.
        double base =
                rules == Rules.GRID ? y - 2 + (lineH + 2) / 2 + body.size() * 0.33 : y + lineH - 2;
        String mark = mark(r.flag());
        boolean bold = boldAbnormal && r.abnormal();
        for (Column col : cols) {
            switch (col.kind()) {
                case NAME -> {
                    cell(c, col, base, body, r.name(), FieldTag.TEST_NAME, row);
                    if (methodUnderName && r.method() != null) {
                        TextStyle small =
                                body.face(FontFace.LIBERATION_SANS_ITALIC)
                                        .size(body.size() * 0.78)
                                        .color(0x444444);
                        c.text(col.x() + 6, base + lineH, small, "Method: " + r.method());
                    }
                }
                case VALUE -> {
                    TextStyle vs = bold ? bolder(body) : body;
                    if (!hasFlagColumn && mark != null) {
                        double vw = c.width(vs, r.value());
                        double mw = c.width(vs, mark);
                        // Two spaces: with one, OCR often glues the mark to the value ("15.2*").
                        double gap = 2 * c.space(vs);
                        double x = col.right() ? col.x() + col.width() - vw - mw - gap : col.x();
                        double end = c.text(x, base, vs, r.value(), FieldTag.TEST_VALUE, row);
                        c.text(end + gap, base, vs, mark, FieldTag.TEST_FLAG, row);
                    } else {
                        cell(c, col, base, vs, r.value(), FieldTag.TEST_VALUE, row);
                    }
                }
                case FLAG -> {
                    if (mark != null) {
                        cell(c, col, base, bolder(body), mark, FieldTag.TEST_FLAG, row);
                    }
                }
                case UNIT -> {
                    if (r.unit() != null) {
                        cell(c, col, base, body, r.unit(), FieldTag.TEST_UNIT, row);
                    }
                }
                case RANGE -> {
                    double b = base;
                    for (String line : r.rangeLines()) {
                        cell(c, col, b, body, line, FieldTag.TEST_REFERENCE_RANGE, row);
                        b += lineH;
                    }
                }
                case METHOD -> {
                    if (r.method() != null) {
                        cell(
                                c,
                                col,
                                base,
                                body.size(body.size() * 0.85).color(0x333333),
                                r.method(),
                                FieldTag.O,
                                -1);
                    }
                }
                case PREVIOUS -> {
                    if (r.previous() != null) {
                        cell(c, col, base, body.color(0x555555), r.previous(), FieldTag.O, -1);
                    }
                }
            }
        }
        if (rules == Rules.GRID) {
            verticals(c, y - 2, h);
            c.hline(left(), right(), y - 2 + h, 0.4);
        }
        return y + h;
    }

    private void cell(
            Canvas c,
            Column col,
            double base,
            TextStyle style,
            String text,
            FieldTag tag,
            int row) {
        // Shrink what does not fit rather than run into the next column.
        double need = c.width(style, text);
        TextStyle s =
                need > col.width()
                        ? style.size(Math.max(5, style.size() * col.width() / need))
                        : style;
        if (col.right()) {
            c.textRight(col.x() + col.width(), base, s, text, tag, row);
        } else {
            c.text(col.x(), base, s, text, tag, row);
        }
    }

    private String mark(Flag f) {
        if (f == null || f == Flag.N) {
            return null;
        }
        boolean high = f == Flag.H;
        return switch (flags) {
            case NONE -> null;
            case LETTER -> high ? "H" : "L";
            case WORD -> high ? "High" : "Low";
            case ARROW -> high ? "\u2191" : "\u2193";
            case STAR -> "*";
            case SIGN -> high ? "+" : "-";
        };
    }

    static TextStyle bolder(TextStyle s) {
        FontFace f =
                switch (s.face()) {
                    case DEJAVU_SANS -> FontFace.DEJAVU_SANS_BOLD;
                    case LIBERATION_SANS, LIBERATION_SANS_ITALIC -> FontFace.LIBERATION_SANS_BOLD;
                    case LIBERATION_SERIF -> FontFace.LIBERATION_SERIF_BOLD;
                    case LIBERATION_MONO -> FontFace.LIBERATION_MONO_BOLD;
                    case CARLITO -> FontFace.CARLITO_BOLD;
                    default -> s.face();
                };
        return s.face(f);
    }
}
