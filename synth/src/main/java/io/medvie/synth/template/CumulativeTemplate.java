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
 * A landscape cumulative report: the flag column comes before the result, and a "Previous" column
 * holds older results that look exactly like values but are not this report's. Patient block in
 * three columns on the right of the header.
 */
final class CumulativeTemplate implements Template {

    @Override
    public String name() {
        return "cumulative-landscape";
    }

    @Override
    public String description() {
        return "Landscape page, flag before the result, a Previous column of older results,"
                + " three-column patient block beside the letterhead.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults()
                .withSystems("CSI")
                .withPanels(1, 3)
                .withPreviousResults(true);
    }

    @Override
    public double[] pageSize() {
        return new double[] {Canvas.A4_H, Canvas.A4_W};
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        FontFace regular =
                rng.pick(FontFace.LIBERATION_SANS, FontFace.CARLITO, FontFace.DEJAVU_SANS);
        TextStyle body = TextStyle.of(regular, regular == FontFace.CARLITO ? 9.4 : 8.4);
        TextStyle bold = ResultTable.bolder(body);
        double left = 36;
        double right = c.width() - 36;
        double w = right - left;
        Patient p = content.patient();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("Name", Kit.name(p)));
        entries.add(Entry.of("DOB", p.birthDate(), FieldTag.PATIENT_BIRTH_DATE));
        entries.add(Entry.of("Collected", content.collectedAt(), FieldTag.REPORT_COLLECTED_AT));
        entries.add(Entry.of("MRN", p.id(), FieldTag.PATIENT_ID));
        entries.add(new Entry("Age/Sex", Kit.ageSex(p)));
        entries.add(Entry.of("Reported", content.reportedAt(), FieldTag.REPORT_REPORTED_AT));
        entries.add(Entry.of("Episode", content.reportId(), FieldTag.REPORT_REPORT_ID));
        entries.add(Entry.of("Clinician", content.physician(), FieldTag.REPORT_ORDERING_PHYSICIAN));
        Rng decor = rng.fork(5);

        Flow.PageStart header =
                page -> {
                    Kit.logo(page, left, 24, 30, content, decor);
                    page.text(
                            left + 38,
                            40,
                            bold.size(13).color(content.lab().color()),
                            content.lab().name(),
                            FieldTag.REPORT_LAB_NAME,
                            -1);
                    page.text(left + 38, 52, body.size(7.5), content.lab().address().get(0));
                    double end =
                            Kit.keyValues(
                                    page,
                                    20,
                                    new double[] {
                                        left + w * 0.36, left + w * 0.58, left + w * 0.80
                                    },
                                    46,
                                    entries,
                                    bold.size(body.size() - 0.6),
                                    body.size(body.size() - 0.6),
                                    ":",
                                    body.size() * 1.4);
                    page.line(left, end + 6, right, end + 6, 1.5, content.lab().color());
                    return end + 12;
                };
        ResultTable table =
                new ResultTable(
                        List.of(
                                Column.left(Kind.NAME, "Investigation", left + 4, w * 0.30),
                                Column.left(Kind.FLAG, "Flag", left + w * 0.31, w * 0.05),
                                Column.right(Kind.VALUE, "Result", left + w * 0.36, w * 0.10),
                                Column.left(Kind.UNIT, "Units", left + w * 0.49, w * 0.12),
                                Column.left(Kind.RANGE, "Ref. Range", left + w * 0.62, w * 0.16),
                                Column.right(
                                        Kind.PREVIOUS,
                                        "Previous result",
                                        left + w * 0.79,
                                        w * 0.18)),
                        body,
                        bold,
                        body.size() * 1.5,
                        rng.chance(0.5) ? ResultTable.FlagStyle.LETTER : ResultTable.FlagStyle.STAR,
                        rng.chance(0.5),
                        false,
                        ResultTable.Rules.HEADER);
        double y0 = header.start(c);
        Flow flow =
                new Flow(
                        c,
                        table.header(c, y0),
                        c.height() - 50,
                        page -> table.header(page, header.start(page)));
        Kit.sections(c, flow, content, table, bold.size(body.size() + 0.6), bold, false, true);
        Kit.notes(c, flow, content, left, w, body.size(body.size() - 0.8), null);
        TextStyle small = body.size(7).color(0x555555);
        for (int i = 0; i < c.pageCount(); i++) {
            c.selectPage(i);
            c.text(
                    left,
                    c.height() - 26,
                    small,
                    "Previous results are shown for comparison only. Authorised by "
                            + content.signers().get(0));
        }
        Kit.pageNumbers(c, "Page %d of %d", right, c.height() - 26, small, true);
    }
}
