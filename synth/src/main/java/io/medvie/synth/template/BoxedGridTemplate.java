package io.medvie.synth.template;

import io.medvie.synth.content.ContentOptions;
import io.medvie.synth.content.Patient;
import io.medvie.synth.content.ReportContent;
import io.medvie.synth.content.Rng;
import io.medvie.synth.layout.FieldTag;
import io.medvie.synth.render.Canvas;
import io.medvie.synth.render.FontFace;
import io.medvie.synth.render.TextStyle;
import io.medvie.synth.template.ResultTable.Column;
import io.medvie.synth.template.ResultTable.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything in boxes: a patient grid whose label cells are shaded, and a fully ruled results table
 * with the reference range before the result and arrows after abnormal values. The page number sits
 * in the header, top right.
 */
final class BoxedGridTemplate implements Template {

    @Override
    public String name() {
        return "boxed-grid";
    }

    @Override
    public String description() {
        return "Shaded patient grid, fully ruled table Test | Reference Range | Result | Unit, arrows"
                + " for flags, page number in the header.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults().withSystems("CS").withPanels(1, 3);
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        TextStyle body = TextStyle.of(FontFace.DEJAVU_SANS, rng.uniform(7.8, 8.6));
        TextStyle bold = body.face(FontFace.DEJAVU_SANS_BOLD);
        double left = 40;
        double right = c.width() - 40;
        double w = right - left;
        List<String[]> cells = new ArrayList<>();
        List<List<Part>> values = new ArrayList<>();
        grid(content, rng, cells, values);
        Rng decor = rng.fork(3);

        Flow.PageStart header =
                page -> {
                    c.text(
                            left,
                            46,
                            bold.size(15),
                            content.lab().name(),
                            FieldTag.REPORT_LAB_NAME,
                            -1);
                    c.text(
                            left,
                            58,
                            body.size(7.5),
                            content.lab().address().get(0) + "  Tel " + content.lab().phone());
                    Kit.logo(page, right - 36, 28, 36, content, decor);
                    double top = 72;
                    double rowH = body.size() * 2.1;
                    int rows = (values.size() + 1) / 2;
                    double[] x = {left, left + w * 0.17, left + w * 0.5, left + w * 0.67};
                    for (int r = 0; r < rows; r++) {
                        double y = top + r * rowH;
                        for (int k = 0; k < 2; k++) {
                            int i = r * 2 + k;
                            double lx = x[k * 2];
                            double vx = x[k * 2 + 1];
                            double end = k == 0 ? x[2] : right;
                            page.fill(lx, y, vx - lx, rowH, 0xe4e4e4);
                            page.box(lx, y, vx - lx, rowH, 0.5, 0x000000);
                            page.box(vx, y, end - vx, rowH, 0.5, 0x000000);
                            if (i < values.size()) {
                                // Centred between the rules, clear of them on every side.
                                double base = y + rowH / 2 + body.size() * 0.33;
                                page.text(
                                        lx + 6,
                                        base,
                                        bold.size(body.size() - 0.5),
                                        cells.get(i)[0]);
                                Kit.parts(page, vx + 6, base, body, values.get(i));
                            }
                        }
                    }
                    return top + rows * rowH + 14;
                };
        ResultTable table =
                new ResultTable(
                        List.of(
                                Column.left(Kind.NAME, "Test Name", left + 6, w * 0.40 - 12),
                                Column.left(
                                        Kind.RANGE,
                                        "Reference Range",
                                        left + w * 0.40 + 6,
                                        w * 0.23 - 12),
                                Column.right(
                                        Kind.VALUE, "Result", left + w * 0.63 + 6, w * 0.15 - 12),
                                Column.left(Kind.UNIT, "Unit", left + w * 0.80 + 6, w * 0.20 - 12)),
                        body,
                        bold,
                        body.size() * 2.0,
                        rng.chance(0.7) ? ResultTable.FlagStyle.ARROW : ResultTable.FlagStyle.STAR,
                        false,
                        false,
                        ResultTable.Rules.GRID);
        double y0 = header.start(c);
        Flow flow =
                new Flow(
                        c,
                        table.header(c, y0),
                        c.height() - 70,
                        page -> table.header(page, header.start(page)));
        Kit.sections(c, flow, content, table, bold.size(body.size() + 0.5), bold, false, false);
        Kit.notes(c, flow, content, left, w, body.size(body.size() - 0.8), "Notes");
        TextStyle small = body.size(7);
        for (int i = 0; i < c.pageCount(); i++) {
            c.selectPage(i);
            c.text(
                    left,
                    c.height() - 40,
                    small,
                    "Verified by " + content.signers().get(0) + ", " + content.signers().get(1));
        }
        // Well left of the logo: next to it, OCR reads the logo as a letter of the number.
        Kit.pageNumbers(c, "Page %d / %d", right - 64, 46, small.size(8), true);
    }

    private static void grid(
            ReportContent content, Rng rng, List<String[]> cells, List<List<Part>> values) {
        Patient p = content.patient();
        add(cells, values, "Patient", Kit.name(p));
        add(
                cells,
                values,
                "Lab No.",
                List.of(Part.of(content.reportId(), FieldTag.REPORT_REPORT_ID)));
        add(cells, values, "Patient ID", List.of(Part.of(p.id(), FieldTag.PATIENT_ID)));
        add(cells, values, "Age/Sex", Kit.ageSex(p));
        if (rng.chance(0.7)) {
            add(cells, values, "DOB", List.of(Part.of(p.birthDate(), FieldTag.PATIENT_BIRTH_DATE)));
        }
        add(
                cells,
                values,
                "Sample Date",
                List.of(Part.of(content.collectedAt(), FieldTag.REPORT_COLLECTED_AT)));
        add(
                cells,
                values,
                "Report Date",
                List.of(Part.of(content.reportedAt(), FieldTag.REPORT_REPORTED_AT)));
        add(
                cells,
                values,
                "Ref. Doctor",
                List.of(Part.of(content.physician(), FieldTag.REPORT_ORDERING_PHYSICIAN)));
        if (rng.chance(0.6)) {
            add(
                    cells,
                    values,
                    "Specimen",
                    List.of(Part.of(content.specimen(), FieldTag.REPORT_SPECIMEN)));
        }
    }

    private static void add(
            List<String[]> cells, List<List<Part>> values, String label, List<Part> v) {
        cells.add(new String[] {label});
        values.add(v);
    }
}
