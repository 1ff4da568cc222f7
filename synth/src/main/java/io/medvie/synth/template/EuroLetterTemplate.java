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
import java.util.List;

/**
 * A European letter: letterhead top right, a sender line and the patient as an address block in the
 * envelope window on the left, order data as a label/value list on the right, SI units with decimal
 * commas, + / - flags, sex ranges on two lines, and a three-column company footer. Continuation
 * pages carry a one-line header with patient and order number.
 */
final class EuroLetterTemplate implements Template {

    @Override
    public String name() {
        return "euro-letter";
    }

    @Override
    public String description() {
        return "Letter layout with address window, right-hand order data, decimal commas, +/- flags,"
                + " sex ranges on two lines, company footer.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults()
                .withSystems("S")
                .withPanels(2, 4)
                .withDecimalComma(true)
                .withSexRangesBoth(0.7);
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        FontFace regular =
                rng.pick(FontFace.LIBERATION_SANS, FontFace.DEJAVU_SANS, FontFace.LIBERATION_SERIF);
        TextStyle body = TextStyle.of(regular, regular == FontFace.DEJAVU_SANS ? 8 : 8.8);
        TextStyle bold = ResultTable.bolder(body);
        double left = 56;
        double right = c.width() - 42;
        double w = right - left;
        Patient p = content.patient();

        // First page: letterhead, window, order data.
        TextStyle lab = bold.size(15).color(content.lab().color());
        c.textRight(right, 48, lab, content.lab().name(), FieldTag.REPORT_LAB_NAME, -1);
        TextStyle small = body.size(7.5).color(0x333333);
        c.textRight(right, 60, small, content.lab().address().get(0));
        c.textRight(
                right, 70, small, "Tel. " + content.lab().phone() + " · " + content.lab().web());
        c.textRight(right, 80, small, content.lab().accreditation());
        double wy = 128;
        TextStyle sender = body.size(6.5);
        double sx =
                c.text(
                        left,
                        wy,
                        sender,
                        content.lab().name() + " · " + content.lab().address().get(0));
        c.hline(left, sx, wy + 2, 0.3);
        double y = wy + 16;
        if (p.honorific() != null) {
            c.text(left, y, body, p.honorific());
            y += body.size() * 1.4;
        }
        c.text(left, y, bold, p.name(), FieldTag.PATIENT_NAME, -1);
        y += body.size() * 1.4;
        double x = c.text(left, y, body, "born");
        c.text(x + c.space(body), y, body, p.birthDate(), FieldTag.PATIENT_BIRTH_DATE, -1);
        y += body.size() * 1.4;
        x = c.text(left, y, body, "Sex:");
        c.text(x + c.space(body), y, body, p.sexPrinted(), FieldTag.PATIENT_SEX, -1);
        y += body.size() * 1.4;
        x = c.text(left, y, body, "Patient no.");
        c.text(x + c.space(body), y, body, p.id(), FieldTag.PATIENT_ID, -1);

        double rx = c.width() * 0.6;
        double ry = wy + 4;
        String[][] meta = {
            {"Order no.", content.reportId(), FieldTag.REPORT_REPORT_ID.path()},
            {"Sample taken", content.collectedAt(), FieldTag.REPORT_COLLECTED_AT.path()},
            {"Received", content.receivedAt(), FieldTag.O.path()},
            {"Report date", content.reportedAt(), FieldTag.REPORT_REPORTED_AT.path()},
            {"Sender", content.physician(), FieldTag.REPORT_ORDERING_PHYSICIAN.path()},
            {"Material", content.specimen(), FieldTag.REPORT_SPECIMEN.path()}
        };
        for (String[] m : meta) {
            ry += body.size() * 1.45;
            c.text(rx, ry, small, m[0]);
            c.text(rx + 62, ry, body, m[1], FieldTag.fromPath(m[2]).orElseThrow(), -1);
        }
        y = Math.max(y, ry) + 30;
        c.text(
                left,
                y,
                bold.size(12),
                rng.pick("Laboratory findings", "Findings report", "Final report"));
        y += 12;

        ResultTable table =
                new ResultTable(
                        List.of(
                                Column.left(Kind.NAME, "Test", left, w * 0.36),
                                Column.right(Kind.VALUE, "Result", left + w * 0.36, w * 0.13),
                                Column.left(Kind.FLAG, "", left + w * 0.51, w * 0.04),
                                Column.left(Kind.UNIT, "Unit", left + w * 0.57, w * 0.14),
                                Column.left(
                                        Kind.RANGE, "Reference range", left + w * 0.73, w * 0.27)),
                        body,
                        bold.size(body.size() - 0.5),
                        body.size() * 1.45,
                        ResultTable.FlagStyle.SIGN,
                        rng.chance(0.5),
                        false,
                        ResultTable.Rules.NONE);
        Flow flow =
                new Flow(
                        c,
                        table.header(c, y),
                        c.height() - 96,
                        page -> {
                            double yy = 40;
                            double xx = page.text(left, yy, small, "Patient");
                            xx = page.text(xx + 3, yy, small, p.name(), FieldTag.PATIENT_NAME, -1);
                            xx = page.text(xx + 6, yy, small, "born");
                            xx =
                                    page.text(
                                            xx + 3,
                                            yy,
                                            small,
                                            p.birthDate(),
                                            FieldTag.PATIENT_BIRTH_DATE,
                                            -1);
                            xx = page.text(xx + 10, yy, small, "Order no.");
                            page.text(
                                    xx + 3,
                                    yy,
                                    small,
                                    content.reportId(),
                                    FieldTag.REPORT_REPORT_ID,
                                    -1);
                            page.hline(left, right, yy + 5, 0.4);
                            return table.header(page, yy + 14);
                        });
        for (var s : content.sections()) {
            flow.ensure(body.size() * 3 + table.rowHeight(s.rows().get(0)));
            flow.y += body.size() * 1.6;
            c.text(left, flow.y, bold.size(body.size() + 0.5), s.heading());
            c.hline(left, right, flow.y + 3, 0.5);
            flow.y += 6;
            for (var r : s.rows()) {
                if (r.subheading() != null) {
                    flow.ensure(body.size() * 1.6 + table.rowHeight(r));
                    flow.y += body.size() * 1.4;
                    c.text(
                            left + 8,
                            flow.y,
                            body.face(FontFace.LIBERATION_SANS_ITALIC),
                            r.subheading());
                    flow.y += 3;
                }
                flow.ensure(table.rowHeight(r));
                flow.y = table.row(c, flow.y, r);
            }
        }
        Kit.notes(c, flow, content, left, w, body.size(body.size() - 0.8), null);
        flow.ensure(50);
        flow.y += 26;
        c.text(left, flow.y, body, "Kind regards");
        c.text(left, flow.y + 12, bold, content.signers().get(0));

        TextStyle foot = body.size(6.3).color(0x555555);
        double fy = c.height() - 64;
        for (int i = 0; i < c.pageCount(); i++) {
            c.selectPage(i);
            c.hline(left, right, fy, 0.4);
            c.text(left, fy + 10, foot, content.lab().name());
            c.text(left, fy + 18, foot, content.lab().address().get(0));
            c.text(left + w / 3, fy + 10, foot, "Medical director: " + content.signers().get(0));
            c.text(
                    left + w / 3,
                    fy + 18,
                    foot,
                    "Registry HRB " + (10000 + content.reportId().length() * 731));
            c.text(
                    left + 2 * w / 3,
                    fy + 10,
                    foot,
                    "IBAN DE" + (40 + content.reportId().length()) + " 5001 0517 0648 4898 90");
            c.text(left + 2 * w / 3, fy + 18, foot, content.lab().email());
        }
        Kit.pageNumbers(c, "Page %d/%d", right, fy + 30, foot.size(7.5), true);
    }
}
