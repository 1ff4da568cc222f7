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
 * The diagnostic-centre style common in South Asia: centred coloured letterhead with a QR code, a
 * boxed three-column patient block repeated on every page ("Age / Sex : 27 YRS / M"), department
 * and panel headings, method lines under test names, counts per cumm and lakhs/cumm, abnormal
 * values in bold, "End of Report" and signatures.
 */
final class IndianLabTemplate implements Template {

    @Override
    public String name() {
        return "diagnostic-centre";
    }

    @Override
    public String description() {
        return "Centred letterhead with QR, boxed 3-column patient block on every page, department"
                + " headings, method lines, bold abnormal values, signatures.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults()
                .withSystems("I")
                .withPanels(1, 3)
                .withDifferentialBoth(0.8);
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        FontFace regular =
                rng.pick(FontFace.LIBERATION_SANS, FontFace.DEJAVU_SANS, FontFace.CARLITO);
        TextStyle body = TextStyle.of(regular, regular == FontFace.CARLITO ? 10 : 8.8);
        TextStyle bold = ResultTable.bolder(body);
        double left = 36;
        double right = c.width() - 36;
        List<Entry> patient = patientBlock(content, rng);
        boolean qr = rng.chance(0.7);
        Rng decor = rng.fork(9);

        Flow.PageStart header =
                page -> {
                    double y =
                            letterhead(
                                    page, content, left, right, qr, decor.fork(page.pageCount()));
                    double top = y + 4;
                    double end =
                            Kit.keyValues(
                                    page,
                                    top + 2,
                                    new double[] {left + 6, left + 200, left + 380},
                                    62,
                                    patient,
                                    bold.size(body.size() - 0.8),
                                    body.size(body.size() - 0.8),
                                    ":",
                                    body.size() * 1.35);
                    page.box(left, top, right - left, end - top + 2, 0.8, 0x000000);
                    return end + 8;
                };
        double w = right - left;
        ResultTable table =
                new ResultTable(
                        List.of(
                                Column.left(Kind.NAME, "Investigation", left + 6, w * 0.40),
                                Column.left(
                                        Kind.VALUE, "Observed Value", left + w * 0.43, w * 0.15),
                                Column.left(Kind.UNIT, "Unit", left + w * 0.60, w * 0.14),
                                Column.left(
                                        Kind.RANGE,
                                        "Biological Ref. Interval",
                                        left + w * 0.75,
                                        w * 0.24)),
                        body,
                        bold,
                        body.size() * 1.45,
                        rng.chance(0.5) ? ResultTable.FlagStyle.NONE : ResultTable.FlagStyle.LETTER,
                        true,
                        rng.chance(0.6),
                        ResultTable.Rules.HEADER);
        double y0 = header.start(c);
        Flow flow =
                new Flow(
                        c,
                        table.header(c, y0),
                        c.height() - 110,
                        page -> table.header(page, header.start(page)));
        TextStyle heading = bold.size(body.size() + 1.5);
        Kit.sections(c, flow, content, table, heading, bold.size(body.size() - 0.3), true, true);
        Kit.notes(
                c, flow, content, left + 4, w - 8, body.size(body.size() - 1.2), "Interpretation:");
        flow.ensure(30);
        flow.y += 18;
        c.textCenter(c.width() / 2, flow.y, bold.size(body.size() - 0.5), "*** End of Report ***");

        TextStyle small = body.size(7.5);
        for (int i = 0; i < c.pageCount(); i++) {
            c.selectPage(i);
            Kit.signatures(c, c.height() - 92, left + 10, right, content, small, rng.fork(77));
            c.hline(left, right, c.height() - 52, 0.5);
            c.text(left, c.height() - 42, small.color(0x444444), content.lab().address().get(1));
            c.text(
                    left,
                    c.height() - 32,
                    small.color(0x444444),
                    "Sample processed at " + content.lab().name());
        }
        Kit.pageNumbers(c, "Page %d of %d", right, c.height() - 42, small, true);
    }

    private static double letterhead(
            Canvas c, ReportContent content, double left, double right, boolean qr, Rng rng) {
        TextStyle name =
                TextStyle.of(FontFace.LIBERATION_SERIF_BOLD, 20).color(content.lab().color());
        double room = right - left - 2 * 92;
        double need = c.width(name, content.lab().name());
        if (need > room) {
            name = name.size(20 * room / need);
        }
        c.textCenter(c.width() / 2, 50, name, content.lab().name(), FieldTag.REPORT_LAB_NAME, -1);
        TextStyle small = TextStyle.of(FontFace.LIBERATION_SANS, 8).color(0x333333);
        c.textCenter(
                c.width() / 2,
                62,
                TextStyle.of(FontFace.LIBERATION_SANS_ITALIC, 8.5),
                content.lab().tagline());
        c.textCenter(c.width() / 2, 73, small, content.lab().address().get(0));
        c.textCenter(
                c.width() / 2,
                83,
                small,
                "Ph: " + content.lab().phone() + "  |  " + content.lab().email());
        TextStyle acc = TextStyle.of(FontFace.LIBERATION_SANS_BOLD, 7).color(0x0d6e4e);
        double ay = 40;
        for (String line : c.wrap(content.lab().accreditation(), acc, 80)) {
            c.text(left, ay, acc, line);
            ay += 9;
        }
        if (qr) {
            Kit.qr(c, right - 44, 30, 44, rng);
        } else {
            Kit.logo(c, right - 44, 32, 40, content, rng);
        }
        c.line(left, 90, right, 90, 1.6, content.lab().color());
        return 92;
    }

    private static List<Entry> patientBlock(ReportContent content, Rng rng) {
        Patient p = content.patient();
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("Name", Kit.name(p)));
        e.add(new Entry("Age / Sex", Kit.ageSex(p)));
        e.add(Entry.of("Reg. No.", p.id(), FieldTag.PATIENT_ID));
        e.add(Entry.of("Referred by", content.physician(), FieldTag.REPORT_ORDERING_PHYSICIAN));
        e.add(Entry.of("Collected", content.collectedAt(), FieldTag.REPORT_COLLECTED_AT));
        e.add(Entry.of("Report ID", content.reportId(), FieldTag.REPORT_REPORT_ID));
        e.add(Entry.of("Sample", content.specimen(), FieldTag.REPORT_SPECIMEN));
        e.add(Entry.of("Reported", content.reportedAt(), FieldTag.REPORT_REPORTED_AT));
        if (rng.chance(0.5)) {
            e.add(new Entry("Received", List.of(Part.o(content.receivedAt()))));
        }
        return e;
    }
}
