package io.medvie.synth.template;

import io.medvie.synth.content.ContentOptions;
import io.medvie.synth.content.Patient;
import io.medvie.synth.content.ReportContent;
import io.medvie.synth.content.ResultRow;
import io.medvie.synth.content.Rng;
import io.medvie.synth.content.Section;
import io.medvie.synth.layout.FieldTag;
import io.medvie.synth.render.Canvas;
import io.medvie.synth.render.FontFace;
import io.medvie.synth.render.TextStyle;
import io.medvie.synth.template.ResultTable.Column;
import io.medvie.synth.template.ResultTable.Kind;
import java.util.List;

/**
 * A compact panel report: a tinted header band, patient fields as small labels above their values,
 * and results in two side-by-side columns that fill left then right, with a comments box at the
 * end.
 */
final class TwoColumnTemplate implements Template {

    @Override
    public String name() {
        return "two-column";
    }

    @Override
    public String description() {
        return "Header band, labels above values, results in two side-by-side columns, comments box.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults().withSystems("CSI").withPanels(2, 5);
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        FontFace regular = rng.pick(FontFace.CARLITO, FontFace.LIBERATION_SANS);
        TextStyle body = TextStyle.of(regular, regular == FontFace.CARLITO ? 8.6 : 7.6);
        TextStyle bold = ResultTable.bolder(body);
        double left = 30;
        double right = c.width() - 30;
        // A wide gutter: with a narrow one, OCR runs the left column's ranges into the right
        // column's test names as one line.
        double gap = 28;
        double colW = (right - left - gap) / 2;
        Patient p = content.patient();
        boolean withDob = rng.chance(0.6);

        Flow.PageStart header =
                page -> {
                    page.fill(0, 0, page.width(), 64, 0xe9eef5);
                    page.text(
                            left,
                            30,
                            bold.size(15).color(content.lab().color()),
                            content.lab().name(),
                            FieldTag.REPORT_LAB_NAME,
                            -1);
                    page.text(left, 44, body.size(7.5), content.lab().address().get(0));
                    page.text(
                            left,
                            55,
                            body.size(7.5),
                            content.lab().web() + "  " + content.lab().phone());
                    page.textRight(right, 30, bold.size(11), "CUMULATIVE PANEL REPORT");
                    page.textRight(right, 44, body.size(7.5), content.lab().accreditation());
                    double y = 80;
                    double[] xs = {left, left + 150, left + 290, left + 410};
                    stacked(page, xs[0], y, body, "PATIENT", Kit.name(p));
                    stacked(
                            page,
                            xs[1],
                            y,
                            body,
                            "SEX / AGE",
                            List.of(
                                    Part.of(p.sexPrinted(), FieldTag.PATIENT_SEX),
                                    Part.o("/"),
                                    Part.of(p.age(), FieldTag.PATIENT_AGE)));
                    stacked(
                            page,
                            xs[2],
                            y,
                            body,
                            "MRN",
                            List.of(Part.of(p.id(), FieldTag.PATIENT_ID)));
                    stacked(
                            page,
                            xs[3],
                            y,
                            body,
                            "ACCESSION",
                            List.of(Part.of(content.reportId(), FieldTag.REPORT_REPORT_ID)));
                    y += 24;
                    stacked(
                            page,
                            xs[0],
                            y,
                            body,
                            "COLLECTED",
                            List.of(Part.of(content.collectedAt(), FieldTag.REPORT_COLLECTED_AT)));
                    stacked(
                            page,
                            xs[1],
                            y,
                            body,
                            "REPORTED",
                            List.of(Part.of(content.reportedAt(), FieldTag.REPORT_REPORTED_AT)));
                    stacked(
                            page,
                            xs[2],
                            y,
                            body,
                            "ORDERED BY",
                            List.of(
                                    Part.of(
                                            content.physician(),
                                            FieldTag.REPORT_ORDERING_PHYSICIAN)));
                    if (withDob) {
                        stacked(
                                page,
                                xs[3],
                                y,
                                body,
                                "DATE OF BIRTH",
                                List.of(Part.of(p.birthDate(), FieldTag.PATIENT_BIRTH_DATE)));
                    }
                    page.hline(left, right, y + 26, 1.2);
                    return y + 34;
                };

        ResultTable[] tables = new ResultTable[2];
        for (int k = 0; k < 2; k++) {
            double x = left + k * (colW + gap);
            tables[k] =
                    new ResultTable(
                            List.of(
                                    Column.left(Kind.NAME, "Test", x + 2, colW * 0.39),
                                    Column.right(Kind.VALUE, "Value", x + colW * 0.39, colW * 0.16),
                                    Column.left(Kind.UNIT, "Units", x + colW * 0.59, colW * 0.16),
                                    Column.left(
                                            Kind.RANGE, "Range", x + colW * 0.79, colW * 0.21 - 2)),
                            body,
                            bold.color(0x333333),
                            body.size() * 1.45,
                            ResultTable.FlagStyle.STAR,
                            rng.chance(0.5),
                            false,
                            ResultTable.Rules.NONE);
        }
        double top = header.start(c);
        double bottom = c.height() - 60;
        // Both columns sit on one grid of row pitches, as reports laid out on a common grid do:
        // a heading takes two rows (a blank one above it), a subheading one, a result as many as
        // its range has lines. OCR reads a page line by line across the gutter, and rows at
        // different heights on the two sides would otherwise be run together into one line.
        double pitch = tables[0].lineHeight() + 2;
        double total = 0;
        for (Section s : content.sections()) {
            total += 2 * pitch;
            for (ResultRow r : s.rows()) {
                total += rows(tables[0], r, pitch) + (r.subheading() != null ? pitch : 0);
            }
        }
        double start = top + tables[0].lineHeight() + 6;
        // Balance the two columns when everything fits on one page, as such reports do.
        double colLimit = total < 2 * (bottom - start) - 40 ? start + total / 2 + 14 : bottom;
        int col = 0;
        double leftEnd = 0;
        double y = start;
        tables[0].header(c, top);
        tables[1].header(c, top);
        for (Section s : content.sections()) {
            double need = 2 * pitch + rows(tables[col], s.rows().get(0), pitch);
            if (y + need > (col == 0 ? colLimit : bottom)) {
                if (col == 0) {
                    leftEnd = y;
                    col = 1;
                } else {
                    c.newPage();
                    top = header.start(c);
                    colLimit = bottom;
                    col = 0;
                    tables[1].header(c, top);
                    tables[0].header(c, top);
                }
                y = start;
            }
            // Skip the first blank row at the top of a column.
            y += y == start ? 0 : pitch;
            c.text(
                    tables[col].left() + 3,
                    y + tables[col].lineHeight() - 2,
                    bold.size(body.size() + 0.8).color(content.lab().color()),
                    s.heading());
            y += pitch;
            for (ResultRow r : s.rows()) {
                double h = rows(tables[col], r, pitch) + (r.subheading() != null ? pitch : 0);
                if (y + h > (col == 0 ? colLimit : bottom)) {
                    if (col == 0) {
                        leftEnd = y;
                        col = 1;
                    } else {
                        c.newPage();
                        top = header.start(c);
                        colLimit = bottom;
                        col = 0;
                        tables[1].header(c, top);
                        tables[0].header(c, top);
                    }
                    y = start;
                }
                if (r.subheading() != null) {
                    c.text(
                            tables[col].left() + 3,
                            y + tables[col].lineHeight() - 2,
                            bold,
                            r.subheading());
                    y += pitch;
                }
                tables[col].row(c, y, r);
                y += rows(tables[col], r, pitch);
            }
        }
        // Comments box under both columns, on a new page when it does not fit.
        TextStyle note = body.size(body.size() - 0.4);
        double boxH = 16;
        for (String n : content.notes()) {
            boxH += Kit.paragraphHeight(c, right - left - 12, note, n, note.size() * 1.3);
        }
        double boxTop = (col == 0 ? y : Math.max(y, leftEnd)) + 8;
        if (!content.notes().isEmpty() && boxTop + boxH > bottom) {
            c.newPage();
            boxTop = header.start(c) + 8;
        }
        if (!content.notes().isEmpty()) {
            c.fill(left, boxTop, right - left, boxH, 0xf6f6f6);
            c.box(left, boxTop, right - left, boxH, 0.6, 0x888888);
            c.text(left + 6, boxTop + 11, bold, "Comments");
            double ny = boxTop + 12;
            for (String n : content.notes()) {
                ny = Kit.paragraph(c, left + 6, ny, right - left - 12, note, n, note.size() * 1.3);
            }
        }
        TextStyle small = body.size(6.8).color(0x555555);
        for (int i = 0; i < c.pageCount(); i++) {
            c.selectPage(i);
            c.text(
                    left,
                    c.height() - 30,
                    small,
                    "* result outside the reference range. Released by "
                            + content.signers().get(0));
        }
        Kit.pageNumbers(c, "%d/%d", right, c.height() - 30, small, true);
    }

    /** The height of a result on the row grid: whole pitches. */
    private static double rows(ResultTable table, ResultRow r, double pitch) {
        return Math.ceil(table.rowHeight(r) / pitch - 1e-9) * pitch;
    }

    private static void stacked(
            Canvas c, double x, double y, TextStyle body, String label, List<Part> value) {
        c.text(x, y, body.size(6.5).color(0x666666), label);
        Kit.parts(c, x, y + 11, body.size(body.size() + 0.6), value);
    }
}
