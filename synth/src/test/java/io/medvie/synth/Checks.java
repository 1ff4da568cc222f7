package io.medvie.synth;

import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.synth.layout.FieldTag;
import io.medvie.synth.render.DrawOp;
import io.medvie.synth.render.PageLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks shared by tests: the document against the words drawn, flags against ranges. */
final class Checks {

    private Checks() {}

    /**
     * Every field value must be its words joined by single spaces, wherever it is printed; test
     * fields per row. Returns a list of problems (empty when consistent).
     */
    static List<String> wordsMatchDocument(List<PageLayout> pages, JsonNode doc) {
        List<String> problems = new ArrayList<>();
        Map<String, StringBuilder> rows = new LinkedHashMap<>();
        for (PageLayout page : pages) {
            String runTag = null;
            StringBuilder run = new StringBuilder();
            List<String[]> phrases = new ArrayList<>();
            for (DrawOp op : page.ops()) {
                if (!(op instanceof DrawOp.Text t)) {
                    continue;
                }
                if (t.tag().startsWith("test.")) {
                    rows.computeIfAbsent(t.row() + "|" + t.tag(), k -> new StringBuilder())
                            .append(' ')
                            .append(t.text());
                }
                if (t.tag().equals(runTag)) {
                    run.append(' ').append(t.text());
                } else {
                    if (runTag != null) {
                        phrases.add(new String[] {runTag, run.toString()});
                    }
                    runTag = t.tag();
                    run = new StringBuilder(t.text());
                }
            }
            if (runTag != null) {
                phrases.add(new String[] {runTag, run.toString()});
            }
            for (String[] ph : phrases) {
                FieldTag tag = FieldTag.fromPath(ph[0]).orElseThrow();
                if (tag == FieldTag.O || tag.isTest()) {
                    continue;
                }
                String obj = tag.isPatient() ? "patient" : "report";
                JsonNode v = doc.path(obj).path(tag.key());
                if (v.isMissingNode()) {
                    problems.add(tag.path() + " drawn but missing from document");
                } else if (tag == FieldTag.PATIENT_SEX) {
                    String norm = ph[1].substring(0, 1).toUpperCase(Locale.ROOT);
                    if (!norm.equals(v.asText())) {
                        problems.add("sex printed " + ph[1] + " but document says " + v.asText());
                    }
                } else if (!v.asText().equals(ph[1])) {
                    problems.add(
                            tag.path()
                                    + " printed '"
                                    + ph[1]
                                    + "' but document has '"
                                    + v.asText()
                                    + "'");
                }
            }
        }
        JsonNode tests = doc.path("tests");
        for (int i = 0; i < tests.size(); i++) {
            for (FieldTag tag :
                    List.of(
                            FieldTag.TEST_NAME,
                            FieldTag.TEST_VALUE,
                            FieldTag.TEST_UNIT,
                            FieldTag.TEST_REFERENCE_RANGE)) {
                StringBuilder words = rows.get(i + "|" + tag.path());
                JsonNode v = tests.get(i).path(tag.key());
                if (words == null && !v.isMissingNode()) {
                    problems.add("tests[" + i + "]." + tag.key() + " not drawn");
                } else if (words != null && !words.toString().strip().equals(v.asText())) {
                    problems.add(
                            "tests["
                                    + i
                                    + "]."
                                    + tag.key()
                                    + " drawn '"
                                    + words.toString().strip()
                                    + "' document '"
                                    + v.asText()
                                    + "'");
                }
            }
        }
        return problems;
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    static double number(String s, boolean decimalComma) {
        Matcher m = NUMBER.matcher(s);
        if (!m.find()) {
            throw new IllegalArgumentException("no number in '" + s + "'");
        }
        String n = m.group();
        n = decimalComma ? n.replace(".", "").replace(',', '.') : n.replace(",", "");
        return Double.parseDouble(n);
    }

    /**
     * The flag the document must carry for a printed value and range: ranges are inclusive; "M: a-b
     * F: c-d" picks the patient's sex. Null when the range is not numeric.
     */
    static String expectedFlag(String value, String range, String sex, boolean decimalComma) {
        if (range == null || !NUMBER.matcher(value).find() || !NUMBER.matcher(range).find()) {
            return null;
        }
        String r = range;
        Matcher bySex = Pattern.compile("(?:M|Male):? (.+?) (?:F|Female):? (.+)").matcher(r);
        if (bySex.matches()) {
            r = "F".equals(sex) ? bySex.group(2) : bySex.group(1);
        }
        double v = number(value, decimalComma);
        String t = r.strip();
        if (t.startsWith("<") || t.startsWith("Up to")) {
            return v > number(t, decimalComma) ? "H" : "N";
        }
        if (t.startsWith(">") || t.startsWith("Above")) {
            return v < number(t, decimalComma) ? "L" : "N";
        }
        Matcher two = Pattern.compile("(\\d[\\d.,]*)\\s*(?:-|to)\\s*(\\d[\\d.,]*)").matcher(t);
        if (!two.find()) {
            throw new IllegalArgumentException("unreadable range '" + range + "'");
        }
        double lo = number(two.group(1), decimalComma);
        double hi = number(two.group(2), decimalComma);
        return v > hi ? "H" : v < lo ? "L" : "N";
    }
}
