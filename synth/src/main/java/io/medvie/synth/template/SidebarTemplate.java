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
 * The lab's details in a tinted left sidebar with a barcode; the report on the right with a key :
 * value patient block and a six-column zebra table Analyte | Value | Flag | Units | Reference
 * interval | Method, flags as words.
 */
final class SidebarTemplate implements Template {

    @Override
    public String name() {
        return "sidebar";
    }

    @Override
    public String description() {
        return "Lab details in a left sidebar with barcode, zebra table with flag words and a method"
                + " column.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults().withSystems("CS").withPanels(1, 3);
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        FontFace regular = rng.pick(FontFace.LIBERATION_SANS, FontFace.CARLITO);
        TextStyle body = TextStyle.of(regular, regular == FontFace.CARLITO ? 8.4 : 7.6);
        TextStyle bold = ResultTable.bolder(body);
        double bar = 132;
        double left = bar + 18;
        double right = c.width() - 28;
        double w = right - left;
        Patient p = content.patient();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("Patient", Kit.name(p)));
        entries.add(Entry.of("ID", p.id(), FieldTag.PATIENT_ID));
        entries.add(Entry.of("Born", p.birthDate(), FieldTag.PATIENT_BIRTH_DATE));
        entries.add(Entry.of("Sex", p.sexPrinted(), FieldTag.PATIENT_SEX));
        entries.add(Entry.of("Collected", content.collectedAt(), FieldTag.REPORT_COLLECTED_AT));
        entries.add(Entry.of("Reported", content.reportedAt(), FieldTag.REPORT_REPORTED_AT));
        entries.add(Entry.of("Requester", content.physician(), FieldTag.REPORT_ORDERING_PHYSICIAN));
        if (rng.chance(0.7)) {
            entries.add(Entry.of("Material", content.specimen(), FieldTag.REPORT_SPECIMEN));
        }
        Rng decor = rng.fork(4);
        int tint = rng.pick(0xeef2f7, 0xf1f1ec, 0xeef5f0);

        Flow.PageStart header =
                page -> {
                    page.fill(0, 0, bar, page.height(), tint);
                    double y = 44;
                    Kit.logo(page, 16, 26, 34, content, decor);
                    y = 84;
                    TextStyle labStyle = bold.size(11).color(content.lab().color());
                    y =
                            page.textLines(
                                            16,
                                            y,
                                            13,
                                            labStyle,
                                            page.wrap(content.lab().name(), labStyle, bar - 28),
                                            FieldTag.REPORT_LAB_NAME)
                                    + 13;
                    TextStyle small = body.size(7).color(0x333333);
                    y += 6;
                    for (String a : content.lab().address()) {
                        for (String line : page.wrap(a, small, bar - 28)) {
                            page.text(16, y, small, line);
                            y += 9;
                        }
                    }
                    y += 6;
                    page.text(16, y, small, content.lab().phone());
                    page.text(16, y + 9, small, content.lab().email());
                    y += 24;
                    for (String line : page.wrap(content.lab().accreditation(), small, bar - 28)) {
                        page.text(16, y, small, line);
                        y += 9;
                    }
                    Kit.barcode(
                            page,
                            16,
                            page.height() - 90,
                            bar - 32,
                            30,
                            decor.fork(page.pageCount()));
                    page.text(
                            16,
                            page.height() - 50,
                            small,
                            content.reportId(),
                            FieldTag.REPORT_REPORT_ID,
                            -1);
                    page.text(left, 44, bold.size(14), "Laboratory Report");
                    double rx = right - page.width(body, "Report " + content.reportId());
                    rx = page.text(rx, 44, body, "Report");
                    page.text(
                            rx + page.space(body),
                            44,
                            body,
                            content.reportId(),
                            FieldTag.REPORT_REPORT_ID,
                            -1);
                    double end =
                            Kit.keyValues(
                                    page,
                                    54,
                                    new double[] {left, left + w / 2},
                                    50,
                                    entries,
                                    bold,
                                    body,
                                    ":",
                                    body.size() * 1.5);
                    page.hline(left, right, end + 2, 0.6);
                    return end + 10;
                };
        ResultTable table =
                new ResultTable(
                        List.of(
                                Column.left(Kind.NAME, "Analyte", left + 3, w * 0.30),
                                Column.right(Kind.VALUE, "Value", left + w * 0.31, w * 0.10),
                                Column.left(Kind.FLAG, "Flag", left + w * 0.43, w * 0.07),
                                Column.left(Kind.UNIT, "Units", left + w * 0.51, w * 0.13),
                                Column.left(
                                        Kind.RANGE,
                                        "Reference interval",
                                        left + w * 0.65,
                                        w * 0.19),
                                Column.left(Kind.METHOD, "Method", left + w * 0.85, w * 0.15)),
                        body,
                        bold,
                        body.size() * 1.6,
                        ResultTable.FlagStyle.WORD,
                        false,
                        false,
                        ResultTable.Rules.ZEBRA);
        double y0 = header.start(c);
        Flow flow =
                new Flow(
                        c,
                        table.header(c, y0),
                        c.height() - 60,
                        page -> table.header(page, header.start(page)));
        Kit.sections(
                c,
                flow,
                content,
                table,
                bold.size(body.size() + 1).color(content.lab().color()),
                bold,
                false,
                false);
        Kit.notes(c, flow, content, left, w, body.size(body.size() - 0.6), "Remarks");
        TextStyle small = body.size(6.8).color(0x555555);
        for (int i = 0; i < c.pageCount(); i++) {
            c.selectPage(i);
            c.text(
                    left,
                    c.height() - 34,
                    small,
                    "Validated: "
                            + content.signers().get(0)
                            + " ("
                            + content.signers().get(1)
                            + ")");
        }
        Kit.pageNumbers(c, "Page %d of %d", right, c.height() - 34, small, true);
    }
}
