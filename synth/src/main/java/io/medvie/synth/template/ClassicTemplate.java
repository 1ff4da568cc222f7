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
 * Logo and lab name on the left, contacts on the right, a two-column key : value patient block and
 * one ruled table Test | Result | Flag | Units | Reference Range.
 */
final class ClassicTemplate implements Template {

    @Override
    public String name() {
        return "classic";
    }

    @Override
    public String description() {
        return "Logo letterhead, two-column patient block, ruled table with a separate flag column.";
    }

    @Override
    public ContentOptions contentOptions() {
        return ContentOptions.defaults().withSystems("CS").withPanels(1, 4);
    }

    @Override
    public void draw(ReportContent content, Canvas c, Rng rng) {
        boolean carlito = rng.chance(0.5);
        FontFace regular = carlito ? FontFace.CARLITO : FontFace.LIBERATION_SANS;
        FontFace bold = carlito ? FontFace.CARLITO_BOLD : FontFace.LIBERATION_SANS_BOLD;
        double size = carlito ? rng.uniform(9.5, 10.5) : rng.uniform(8.5, 9.5);
        TextStyle body = TextStyle.of(regular, size);
        TextStyle label = TextStyle.of(bold, size);
        double left = 42;
        double right = c.width() - 42;

        // Some copies reach the lab with identifiers blacked out.
        boolean redactId = rng.chance(0.1);
        List<Entry> entries = patientEntries(content, rng, redactId);
        double y = letterhead(c, content, rng, left, right, bold, regular);
        c.textCenter(c.width() / 2, y + 16, TextStyle.of(bold, 12), "LABORATORY REPORT");
        y += 24;
        double[] cols = {left, left + (right - left) / 2 + 10};
        y = Kit.keyValues(c, y, cols, 78, entries, label, body, ":", size * 1.45);
        c.hline(left, right, y + 2, 0.5);

        double w = right - left;
        ResultTable table =
                new ResultTable(
                        List.of(
                                Column.left(Kind.NAME, "Test", left + 3, w * 0.36),
                                Column.right(Kind.VALUE, "Result", left + w * 0.38, w * 0.12),
                                Column.left(Kind.FLAG, "Flag", left + w * 0.54, w * 0.06),
                                Column.left(Kind.UNIT, "Units", left + w * 0.62, w * 0.14),
                                Column.left(
                                        Kind.RANGE, "Reference Range", left + w * 0.77, w * 0.22)),
                        body,
                        label,
                        size * 1.5,
                        rng.chance(0.7) ? ResultTable.FlagStyle.LETTER : ResultTable.FlagStyle.WORD,
                        rng.chance(0.5),
                        false,
                        ResultTable.Rules.HEADER);
        Patient p = content.patient();
        Flow flow =
                new Flow(
                        c,
                        table.header(c, y + 10),
                        c.height() - 90,
                        page -> {
                            double yy = 40;
                            double end = c.text(left, yy, label, "Patient:");
                            end = Kit.parts(c, end + 4, yy, body, Kit.name(p));
                            if (!redactId) {
                                end = c.text(end + 16, yy, label, "Patient ID:");
                                c.text(end + 4, yy, body, p.id(), FieldTag.PATIENT_ID, -1);
                            }
                            c.hline(left, right, yy + 6, 0.5);
                            return table.header(page, yy + 14);
                        });
        TextStyle heading = label.size(size + 0.5);
        Kit.sections(c, flow, content, table, heading, label.size(size - 0.5), false, false);
        c.hline(left, right, flow.y + 2, 0.5);
        Kit.notes(c, flow, content, left, right - left, body.size(size - 1), "Comments:");
        flow.ensure(60);
        flow.y += 30;
        c.text(left, flow.y, body.size(size - 1), "Electronically verified by");
        flow.y =
                Kit.signatures(
                        c, flow.y + 14, left, right, content, body.size(size - 1), rng.fork(77));

        TextStyle foot = body.size(7).color(0x555555);
        for (int i = 0; i < c.pageCount(); i++) {
            c.selectPage(i);
            c.hline(left, right, c.height() - 48, 0.4);
            c.text(
                    left,
                    c.height() - 36,
                    foot,
                    "This report is confidential and intended for the ordering physician.");
        }
        Kit.pageNumbers(c, "Page %d of %d", right, c.height() - 36, foot, true);
    }

    private static double letterhead(
            Canvas c,
            ReportContent content,
            Rng rng,
            double left,
            double right,
            FontFace bold,
            FontFace regular) {
        Kit.logo(c, left, 34, 40, content, rng);
        TextStyle labStyle = TextStyle.of(bold, 16).color(content.lab().color());
        c.text(left + 50, 52, labStyle, content.lab().name(), FieldTag.REPORT_LAB_NAME, -1);
        TextStyle small = TextStyle.of(regular, 8).color(0x333333);
        c.text(left + 50, 64, small, content.lab().address().get(0));
        c.text(left + 50, 74, small, content.lab().accreditation());
        c.textRight(right, 44, small, "Tel " + content.lab().phone());
        c.textRight(right, 54, small, content.lab().email());
        c.textRight(right, 64, small, content.lab().web());
        c.line(left, 84, right, 84, 2, content.lab().color());
        return 86;
    }

    private static List<Entry> patientEntries(ReportContent content, Rng rng, boolean redactId) {
        Patient p = content.patient();
        List<Entry> left = new ArrayList<>();
        List<Entry> right = new ArrayList<>();
        left.add(new Entry("Patient Name", Kit.name(p)));
        left.add(
                redactId
                        ? new Entry("Patient ID", List.of(Part.redacted()))
                        : Entry.of("Patient ID", p.id(), FieldTag.PATIENT_ID));
        if (rng.chance(0.8)) {
            left.add(Entry.of("Date of Birth", p.birthDate(), FieldTag.PATIENT_BIRTH_DATE));
        }
        left.add(Entry.of("Sex", p.sexPrinted(), FieldTag.PATIENT_SEX));
        if (rng.chance(0.6)) {
            left.add(Entry.of("Age", p.age(), FieldTag.PATIENT_AGE));
        }
        right.add(Entry.of("Report No.", content.reportId(), FieldTag.REPORT_REPORT_ID));
        right.add(Entry.of("Collected", content.collectedAt(), FieldTag.REPORT_COLLECTED_AT));
        if (rng.chance(0.5)) {
            right.add(new Entry("Received", List.of(Part.o(content.receivedAt()))));
        }
        right.add(Entry.of("Reported", content.reportedAt(), FieldTag.REPORT_REPORTED_AT));
        if (rng.chance(0.8)) {
            right.add(
                    Entry.of("Physician", content.physician(), FieldTag.REPORT_ORDERING_PHYSICIAN));
        }
        if (rng.chance(0.7)) {
            right.add(Entry.of("Specimen", content.specimen(), FieldTag.REPORT_SPECIMEN));
        }
        // keyValues fills row by row: interleave so each side reads as one column.
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            out.add(i < left.size() ? left.get(i) : new Entry("", List.of()));
            out.add(i < right.size() ? right.get(i) : new Entry("", List.of()));
        }
        return out;
    }
}
