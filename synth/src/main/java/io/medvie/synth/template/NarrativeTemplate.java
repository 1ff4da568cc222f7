package io.medvie.synth.template;

import io.medvie.synth.content.ContentOptions;
import io.medvie.synth.content.Flag;
import io.medvie.synth.content.Patient;
import io.medvie.synth.content.ReportContent;
import io.medvie.synth.content.ResultRow;
import io.medvie.synth.content.Rng;
import io.medvie.synth.content.Section;
import io.medvie.synth.layout.FieldTag;
import io.medvie.synth.render.Canvas;
import io.medvie.synth.render.FontFace;
import io.medvie.synth.render.TextStyle;

/**
 * No table at all: a serif letter whose patient data run as free lines ("Patient: ... Date of
 * birth: ..."), results as "Name ...... value unit Ref. interval: range HIGH" lines with dotted
 * leaders, an interpretation paragraph and a small "possible causes" table full of numbers that are
 * not results.
 */
final class NarrativeTemplate implements Template {

    private static final String[][] CAUSES = {
        {"Condition", "Typical findings"},
        {"Iron deficiency", "Ferritin < 15 ng/mL, MCV < 80 fL"},
        {"Prediabetes", "HbA1c 5.7 - 6.4 %, FPG 100 - 125 mg/dL"},
        {"Hypothyroidism", "TSH > 4.5 mIU/L with low free T4"},
        {"Kidney disease", "eGFR < 60 for 3 months or more"}
    };

    @Override
    public String name() {
        return "narrative";
    }

    @Override
    public String description() {
        return "Serif letter with free-text patient lines, one result per line with dotted leaders,"
                + " and a possible-causes table of numbers that are not results.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults().withSystems("CS").withPanels(1, 2).withSexRangesBoth(0);
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        TextStyle body = TextStyle.of(FontFace.LIBERATION_SERIF, rng.uniform(9.6, 10.6));
        TextStyle bold = body.face(FontFace.LIBERATION_SERIF_BOLD);
        double left = 64;
        double right = c.width() - 64;
        double lineH = body.size() * 1.55;
        Patient p = content.patient();

        c.textCenter(
                c.width() / 2,
                56,
                bold.size(17),
                content.lab().name(),
                FieldTag.REPORT_LAB_NAME,
                -1);
        c.textCenter(
                c.width() / 2,
                70,
                body.size(8.5),
                content.lab().address().get(0) + " - " + content.lab().phone());
        c.line(left, 80, right, 80, 0.6, 0x000000);
        c.line(left, 82, right, 82, 0.6, 0x000000);
        double y = 104;
        double x = c.text(left, y, bold, "Patient:");
        x = Kit.parts(c, x + 5, y, body, Kit.name(p));
        x = c.text(x + 18, y, bold, "Date of birth:");
        c.text(x + 5, y, body, p.birthDate(), FieldTag.PATIENT_BIRTH_DATE, -1);
        y += lineH;
        x = c.text(left, y, bold, "Sex:");
        x = c.text(x + 5, y, body, p.sexPrinted(), FieldTag.PATIENT_SEX, -1);
        x = c.text(x + 18, y, bold, "Record no.:");
        x = c.text(x + 5, y, body, p.id(), FieldTag.PATIENT_ID, -1);
        x = c.text(x + 18, y, bold, "Requested by:");
        c.text(x + 5, y, body, content.physician(), FieldTag.REPORT_ORDERING_PHYSICIAN, -1);
        y += lineH;
        x = c.text(left, y, body, "Sample of");
        x = c.text(x + 4, y, body, content.collectedAt(), FieldTag.REPORT_COLLECTED_AT, -1);
        x = c.text(x + 4, y, body, "reported on");
        c.text(x + 4, y, body, content.reportedAt(), FieldTag.REPORT_REPORTED_AT, -1);
        y += lineH;
        x = c.text(left, y, body, "Our reference:");
        c.text(x + 4, y, body, content.reportId(), FieldTag.REPORT_REPORT_ID, -1);
        y += lineH * 1.2;

        Flow flow =
                new Flow(
                        c,
                        y,
                        c.height() - 80,
                        page -> {
                            double yy = 46;
                            double xx = page.text(left, yy, body.size(8.5), "Continuation -");
                            page.text(
                                    xx + 4,
                                    yy,
                                    body.size(8.5),
                                    p.name(),
                                    FieldTag.PATIENT_NAME,
                                    -1);
                            return yy + 16;
                        });
        double valueX = left + (right - left) * 0.48;
        for (Section s : content.sections()) {
            flow.ensure(lineH * 3);
            flow.y += lineH;
            c.text(left, flow.y, bold.size(body.size() + 1), s.heading());
            flow.y += 4;
            for (ResultRow r : s.rows()) {
                flow.ensure(lineH);
                flow.y += lineH;
                int row = c.beginRow(r);
                double nx = c.text(left + 8, flow.y, body, r.name(), FieldTag.TEST_NAME, row);
                // Light leader dots: printed reports use them, and OCR should not read them as
                // words.
                for (double dx = nx + 5; dx < valueX - 8; dx += 4.5) {
                    c.oval(dx, flow.y - 1.2, 0.8, 0.8, 0xb4b4b4);
                }
                TextStyle vs = r.abnormal() ? bold : body;
                double vx = c.text(valueX, flow.y, vs, r.value(), FieldTag.TEST_VALUE, row);
                if (r.unit() != null) {
                    vx = c.text(vx + 4, flow.y, body, r.unit(), FieldTag.TEST_UNIT, row);
                }
                if (r.range() != null) {
                    vx =
                            c.text(
                                    Math.max(vx + 14, valueX + 100),
                                    flow.y,
                                    body.size(body.size() - 1),
                                    "Ref. interval:");
                    vx =
                            c.text(
                                    vx + 4,
                                    flow.y,
                                    body.size(body.size() - 1),
                                    r.range(),
                                    FieldTag.TEST_REFERENCE_RANGE,
                                    row);
                }
                if (r.abnormal()) {
                    c.text(
                            vx + 8,
                            flow.y,
                            bold.size(body.size() - 1),
                            r.flag() == Flag.H ? "HIGH" : "LOW",
                            FieldTag.TEST_FLAG,
                            row);
                }
            }
        }
        Kit.notes(
                c,
                flow,
                content,
                left,
                right - left,
                body.size(body.size() - 0.8),
                "Interpretation");
        if (rng.chance(0.7)) {
            TextStyle t = body.size(body.size() - 1.2);
            double th = t.size() * 1.5;
            flow.ensure(th * (CAUSES.length + 2));
            flow.y += th;
            c.text(left, flow.y, bold.size(t.size() + 0.5), "Possible causes of abnormal results");
            flow.y += 4;
            double top = flow.y;
            for (int i = 0; i < CAUSES.length; i++) {
                TextStyle s = i == 0 ? t.face(FontFace.LIBERATION_SERIF_BOLD) : t;
                c.text(left + 4, flow.y + th - 3, s, CAUSES[i][0]);
                c.text(left + 140, flow.y + th - 3, s, CAUSES[i][1]);
                flow.y += th;
                c.hline(left, right, flow.y, 0.3);
            }
            c.box(left, top, right - left, flow.y - top, 0.5, 0x000000);
        }
        flow.ensure(60);
        flow.y += 40;
        Kit.signatures(c, flow.y, left, right, content, body.size(body.size() - 1), rng.fork(77));
        TextStyle foot = body.size(7.5).color(0x444444);
        for (int i = 0; i < c.pageCount(); i++) {
            c.selectPage(i);
            c.textCenter(c.width() / 2, c.height() - 40, foot, content.lab().address().get(1));
        }
        Kit.pageNumbers(c, "- %d of %d -", right, c.height() - 40, foot, true);
    }
}
