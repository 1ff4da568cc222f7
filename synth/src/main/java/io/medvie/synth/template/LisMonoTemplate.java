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
 * A laboratory information system printout in a monospaced font: free header lines, the patient on
 * two dense lines of LABEL: value pairs repeated on every page, character-aligned columns with a
 * FLAG column before the units, "CONTINUED" markers and "Page 1 of 3".
 */
final class LisMonoTemplate implements Template {

    @Override
    public String name() {
        return "lis-printout";
    }

    @Override
    public String description() {
        return "Monospaced LIS printout, dense LABEL: value header lines on every page, flag column"
                + " before units, long multi-page reports.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults().withSystems("C").withPanels(3, 6).withSexRangesBoth(0.4);
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        TextStyle body = TextStyle.of(FontFace.LIBERATION_MONO, rng.uniform(7.8, 8.6));
        TextStyle bold = body.face(FontFace.LIBERATION_MONO_BOLD);
        double ch = c.width(body, "M");
        double left = 34;
        double right = c.width() - 34;
        double lineH = body.size() * 1.35;
        Patient p = content.patient();
        String title = rng.pick("FINAL REPORT", "CUMULATIVE REPORT", "LABORATORY RESULTS");

        Flow.PageStart header =
                page -> {
                    double y = 40;
                    page.text(
                            left,
                            y,
                            bold,
                            Kit.upper(content.lab().name()),
                            FieldTag.REPORT_LAB_NAME,
                            -1);
                    page.textRight(right, y, bold, title);
                    y += lineH;
                    page.text(left, y, body, Kit.upper(content.lab().address().get(0)));
                    y += lineH;
                    page.text(left, y, body, "PHONE " + content.lab().phone());
                    y += lineH * 0.6;
                    page.hline(left, right, y, 0.8);
                    y += lineH;
                    double x = page.text(left, y, body, "PATIENT:");
                    x =
                            Kit.parts(
                                    page,
                                    x + ch,
                                    y,
                                    bold,
                                    List.of(Part.of(p.name(), FieldTag.PATIENT_NAME)));
                    x = page.text(left + 48 * ch, y, body, "MRN:");
                    page.text(x + ch, y, body, p.id(), FieldTag.PATIENT_ID, -1);
                    x = page.text(left + 70 * ch, y, body, "SEX:");
                    page.text(x + ch, y, body, Kit.upper(p.sexPrinted()), FieldTag.PATIENT_SEX, -1);
                    x = page.text(left + 86 * ch, y, body, "AGE:");
                    page.text(x + ch, y, body, p.age(), FieldTag.PATIENT_AGE, -1);
                    y += lineH;
                    x = page.text(left, y, body, "DOB:");
                    page.text(x + ch, y, body, p.birthDate(), FieldTag.PATIENT_BIRTH_DATE, -1);
                    x = page.text(left + 24 * ch, y, body, "ACCESSION:");
                    page.text(x + ch, y, body, content.reportId(), FieldTag.REPORT_REPORT_ID, -1);
                    x = page.text(left + 60 * ch, y, body, "ORDERING:");
                    page.text(
                            x + ch,
                            y,
                            body,
                            content.physician(),
                            FieldTag.REPORT_ORDERING_PHYSICIAN,
                            -1);
                    y += lineH;
                    x = page.text(left, y, body, "COLLECTED:");
                    page.text(
                            x + ch,
                            y,
                            body,
                            content.collectedAt(),
                            FieldTag.REPORT_COLLECTED_AT,
                            -1);
                    x = page.text(left + 36 * ch, y, body, "RECEIVED:");
                    page.text(x + ch, y, body, content.receivedAt());
                    x = page.text(left + 72 * ch, y, body, "REPORTED:");
                    page.text(
                            x + ch, y, body, content.reportedAt(), FieldTag.REPORT_REPORTED_AT, -1);
                    y += lineH;
                    x = page.text(left, y, body, "SPECIMEN:");
                    page.text(
                            x + ch,
                            y,
                            body,
                            Kit.upper(content.specimen()),
                            FieldTag.REPORT_SPECIMEN,
                            -1);
                    y += lineH * 0.6;
                    page.hline(left, right, y, 0.8);
                    return y + 4;
                };
        ResultTable table =
                new ResultTable(
                        List.of(
                                Column.left(Kind.NAME, "TEST", left, 34 * ch),
                                Column.right(Kind.VALUE, "RESULT", left + 35 * ch, 10 * ch),
                                Column.left(Kind.FLAG, "FLAG", left + 48 * ch, 5 * ch),
                                Column.left(Kind.UNIT, "UNITS", left + 55 * ch, 16 * ch),
                                Column.left(
                                        Kind.RANGE, "REFERENCE RANGE", left + 73 * ch, 30 * ch)),
                        body,
                        body,
                        lineH,
                        ResultTable.FlagStyle.LETTER,
                        false,
                        false,
                        ResultTable.Rules.NONE);
        double y0 = header.start(c);
        Flow flow =
                new Flow(
                        c,
                        table.header(c, y0),
                        c.height() - 60,
                        page -> table.header(page, header.start(page)));
        Kit.sections(c, flow, content, table, bold, body, false, false);
        flow.ensure(lineH * 3);
        flow.y += lineH * 1.5;
        c.textCenter(c.width() / 2, flow.y, bold, "*** END OF REPORT ***");
        Kit.notes(c, flow, content, left, right - left, body.size(body.size() - 0.8), null);
        int n = c.pageCount();
        for (int i = 0; i < n; i++) {
            c.selectPage(i);
            c.hline(left, right, c.height() - 44, 0.6);
            if (i < n - 1) {
                c.text(left, c.height() - 34, body, "CONTINUED ON NEXT PAGE");
            } else {
                c.text(
                        left,
                        c.height() - 34,
                        body,
                        "RELEASED BY " + Kit.upper(content.signers().get(0)));
            }
        }
        Kit.pageNumbers(c, "PAGE %d OF %d", right, c.height() - 34, body, true);
    }
}
