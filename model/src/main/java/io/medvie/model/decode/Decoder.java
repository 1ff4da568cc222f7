package io.medvie.model.decode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.features.LayoutToken;
import io.medvie.schemas.json.DocumentSchemas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns tagged pages into a lab-report document.
 *
 * <p>Spans: a B label starts a span, an I label continues the span of its field on the previous
 * token. An I label after another field continues that field's span from an earlier line (a range
 * printed on two lines, a name wrapped) when one lies above it; otherwise it starts a span.
 *
 * <p>Patient and report fields: the span with the highest confidence (its lowest token probability)
 * wins, the first on ties, so a patient block repeated on every page gives one value. Sex becomes
 * F, M or U.
 *
 * <p>Test rows are assembled by line in reading order: a line holding the start of a test name
 * starts a new row; on a line, a new name or a second span of a field the row already has starts a
 * further row (two tables side by side, or a value column printed before the name column); spans on
 * a line with no name continue the row above (a range's second line, a flag on its own). Rows
 * without a name or a value are dropped (the schema requires both). Flags follow the ground truth's
 * definition: derived from value and printed range ({@link Flags}), none without a range or for a
 * qualitative value; a printed flag (H/L/N, High/Low, arrows) only stands in when the range cannot
 * be read.
 *
 * <p>Thread-safe.
 */
public final class Decoder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TagSet tags;
    private final DocumentSchemas schemas;
    private final int testName;
    private final int testValue;
    private final int testRange;
    private final int testFlag;

    public Decoder(TagSet tags, DocumentSchemas schemas) {
        this.tags = tags;
        this.schemas = schemas;
        this.testName = tags.field("test.name");
        this.testValue = tags.field("test.value");
        this.testRange = tags.field("test.reference_range");
        this.testFlag = tags.field("test.flag");
    }

    public Decoder() {
        this(TagSet.LAB_REPORT, new DocumentSchemas());
    }

    /** A run of tokens of one field. */
    static final class Span {
        final int field;
        final List<LayoutToken> tokens = new ArrayList<>();
        double confidence = 1;

        Span(int field) {
            this.field = field;
        }

        void add(LayoutToken t, float p) {
            tokens.add(t);
            confidence = Math.min(confidence, p);
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (LayoutToken t : tokens) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(t.text());
            }
            return sb.toString();
        }

        LayoutToken last() {
            return tokens.get(tokens.size() - 1);
        }

        int page() {
            return tokens.get(0).page();
        }

        double[] box() {
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            int page = page();
            for (LayoutToken t : tokens) {
                if (t.page() != page) {
                    continue;
                }
                x0 = Math.min(x0, t.x());
                y0 = Math.min(y0, t.y());
                x1 = Math.max(x1, t.x() + t.width());
                y1 = Math.max(y1, t.y() + t.height());
            }
            return new double[] {x0, y0, x1 - x0, y1 - y0};
        }

        boolean overlapsHorizontally(LayoutToken t) {
            for (LayoutToken u : tokens) {
                if (u.layoutX() < t.right() && u.right() > t.layoutX()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A test row being assembled: at most one span per test field. */
    static final class Row {
        final Map<Integer, Span> spans = new HashMap<>();
        int lastLine;
    }

    public DecodedDocument decode(List<TaggedPage> pages) {
        Map<Integer, List<Span>> scalars = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (TaggedPage page : pages) {
            decodePage(page, scalars, rows);
        }
        ObjectNode document = MAPPER.createObjectNode();
        ObjectNode patient = document.putObject("patient");
        ObjectNode report = document.putObject("report");
        ArrayNode tests = document.putArray("tests");
        List<ExtractedField> fields = new ArrayList<>();
        String sex = null;
        for (int f = 0; f < tags.fields().size(); f++) {
            if (tags.isTestField(f) || !scalars.containsKey(f)) {
                continue;
            }
            Span best = null;
            for (Span s : scalars.get(f)) {
                if (best == null || s.confidence > best.confidence) {
                    best = s;
                }
            }
            String name = tags.fieldName(f);
            String value = best.text();
            if (name.equals("patient.sex")) {
                value = sexOf(value);
                sex = value;
            }
            int dot = name.indexOf('.');
            ObjectNode target = name.startsWith("patient.") ? patient : report;
            target.put(name.substring(dot + 1), value);
            fields.add(
                    new ExtractedField(
                            name, name, value, best.confidence, best.page(), best.box(), false));
        }
        int dropped = 0;
        for (Row row : rows) {
            Span name = row.spans.get(testName);
            Span value = row.spans.get(testValue);
            if (name == null || value == null) {
                dropped++;
                continue;
            }
            int index = tests.size();
            ObjectNode test = tests.addObject();
            for (int f = 0; f < tags.fields().size(); f++) {
                Span s = row.spans.get(f);
                if (s == null || f == testFlag) {
                    continue;
                }
                String leaf = tags.fieldName(f).substring("test.".length());
                test.put(leaf, s.text());
                fields.add(
                        new ExtractedField(
                                "tests[" + index + "]." + leaf,
                                tags.fieldName(f),
                                s.text(),
                                s.confidence,
                                s.page(),
                                s.box(),
                                false));
            }
            ExtractedField flag = flag(row, index, sex);
            if (flag != null) {
                test.put("flag", flag.value());
                fields.add(flag);
            }
        }
        List<String> violations =
                schemas.validate(
                        DocumentSchemas.LAB_REPORT, DocumentSchemas.LAB_REPORT_VERSION, document);
        return new DecodedDocument(document, fields, violations, dropped);
    }

    /**
     * The row's flag as the ground truth defines it (docs/data-layout.md): derived from the value
     * and the printed range whatever the page prints; no range, no flag. A printed flag is used
     * only when the range is there but cannot be read (OCR noise), and N when neither can be.
     */
    private ExtractedField flag(Row row, int index, String sex) {
        String path = "tests[" + index + "].flag";
        Span printed = row.spans.get(testFlag);
        Span value = row.spans.get(testValue);
        Span range = row.spans.get(testRange);
        if (range == null) {
            return null;
        }
        Optional<String> derived = Flags.derive(value.text(), range.text(), sex);
        if (derived.isEmpty() && printed != null) {
            Optional<String> read = Flags.printed(printed.text());
            if (read.isPresent()) {
                return new ExtractedField(
                        path,
                        "test.flag",
                        read.get(),
                        printed.confidence,
                        printed.page(),
                        printed.box(),
                        false);
            }
        }
        if (derived.isEmpty() && Flags.number(value.text()) != null) {
            derived = Optional.of("N");
        }
        double confidence = Math.min(value.confidence, range.confidence);
        return derived.map(
                        v ->
                                new ExtractedField(
                                        path,
                                        "test.flag",
                                        v,
                                        confidence,
                                        value.page(),
                                        value.box(),
                                        true))
                .orElse(null);
    }

    /** F, M or U for a printed sex ("F", "Female", "M", "Male", ...). */
    public static String sexOf(String printed) {
        String t = printed.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
        if (t.startsWith("f") || t.startsWith("w")) {
            return "F";
        }
        if (t.startsWith("m")) {
            return "M";
        }
        return "U";
    }

    private void decodePage(TaggedPage page, Map<Integer, List<Span>> scalars, List<Row> rows) {
        List<LayoutToken> tokens = page.layout().tokens();
        int[] labels = page.labels();
        float[] probs = page.probabilities();
        int n = tokens.size();
        // Which lines hold the start of a test name: such a line begins a new row.
        boolean[] nameLine = new boolean[page.layout().lineCount() + 1];
        for (int i = 0; i < n; i++) {
            int f = tags.fieldOf(labels[i]);
            if (f == testName
                    && (tags.isBegin(labels[i]) || i == 0 || tags.fieldOf(labels[i - 1]) != f)) {
                nameLine[tokens.get(i).line()] = true;
            }
        }
        int firstRowOfPage = rows.size();
        decodeRows(page, tokens, labels, probs, nameLine, firstRowOfPage, scalars, rows);
        orderByColumn(rows, firstRowOfPage, page.layout().width());
    }

    private void decodeRows(
            TaggedPage page,
            List<LayoutToken> tokens,
            int[] labels,
            float[] probs,
            boolean[] nameLine,
            int firstRowOfPage,
            Map<Integer, List<Span>> scalars,
            List<Row> rows) {
        int n = tokens.size();
        Row current = null;
        Span previous = null;
        Row previousRow = null;
        int line = -1;
        for (int i = 0; i < n; i++) {
            LayoutToken t = tokens.get(i);
            if (t.line() != line) {
                line = t.line();
                if (nameLine[line]) {
                    current = null;
                }
            }
            int label = labels[i];
            int f = tags.fieldOf(label);
            if (f < 0) {
                previous = null;
                continue;
            }
            boolean begin = tags.isBegin(label);
            boolean continuesPrevious =
                    !begin && previous != null && previous.field == f && near(previous.last(), t);
            if (!tags.isTestField(f)) {
                if (continuesPrevious) {
                    previous.add(t, probs[i]);
                    continue;
                }
                Span s = null;
                if (!begin) {
                    s = spanAbove(scalars.get(f), t);
                    if (s == null && previous != null && previous.field == f) {
                        s = previous;
                    }
                }
                if (s == null) {
                    s = new Span(f);
                    scalars.computeIfAbsent(f, k -> new ArrayList<>()).add(s);
                }
                s.add(t, probs[i]);
                previous = s;
                previousRow = null;
                continue;
            }
            if (continuesPrevious) {
                previous.add(t, probs[i]);
                previousRow.lastLine = line;
                continue;
            }
            if (!begin) {
                Row above = rowAbove(rows, firstRowOfPage, f, t);
                if (above == null && previous != null && previous.field == f) {
                    above = previousRow;
                }
                if (above != null) {
                    Span s = above.spans.get(f);
                    s.add(t, probs[i]);
                    previous = s;
                    previousRow = above;
                    continue;
                }
            }
            if (current == null || current.spans.containsKey(f)) {
                current = new Row();
                rows.add(current);
            }
            Span s = new Span(f);
            s.add(t, probs[i]);
            current.spans.put(f, s);
            current.lastLine = line;
            previous = s;
            previousRow = current;
        }
    }

    /**
     * Orders a page's rows as a reader would: a page with tables side by side (test names starting
     * in columns more than a quarter of the page apart) is read one column after the other, each
     * top to bottom; a single table keeps its line order.
     */
    private void orderByColumn(List<Row> rows, int first, double pageWidth) {
        List<Row> page = new ArrayList<>(rows.subList(first, rows.size()));
        if (page.size() < 2) {
            return;
        }
        List<Double> starts = new ArrayList<>();
        for (Row r : page) {
            Span name = r.spans.get(testName);
            if (name != null) {
                starts.add(name.tokens.get(0).layoutX());
            }
        }
        starts.sort(null);
        List<Double> cuts = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i) - starts.get(i - 1) > pageWidth / 4) {
                cuts.add((starts.get(i) + starts.get(i - 1)) / 2);
            }
        }
        if (cuts.isEmpty()) {
            return;
        }
        Map<Row, Integer> column = new HashMap<>();
        Map<Row, Integer> order = new HashMap<>();
        for (int i = 0; i < page.size(); i++) {
            Row r = page.get(i);
            Span anchor = r.spans.get(testName);
            if (anchor == null) {
                anchor = r.spans.values().iterator().next();
            }
            double x = anchor.tokens.get(0).layoutX();
            int c = 0;
            while (c < cuts.size() && x > cuts.get(c)) {
                c++;
            }
            column.put(r, c);
            order.put(r, i);
        }
        page.sort(Comparator.<Row>comparingInt(column::get).thenComparingInt(order::get));
        for (int i = 0; i < page.size(); i++) {
            rows.set(first + i, page.get(i));
        }
    }

    /**
     * A span of the same field ending one or two lines above {@code t}. Patient and report values
     * wrap anywhere (a name continued at the start of the next line), so no overlap is needed.
     */
    private static Span spanAbove(List<Span> spans, LayoutToken t) {
        if (spans == null) {
            return null;
        }
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span s = spans.get(i);
            LayoutToken last = s.last();
            if (last.page() == t.page() && last.line() < t.line() && last.line() >= t.line() - 2) {
                return s;
            }
        }
        return null;
    }

    /**
     * Whether {@code t} directly follows {@code last}: on the same line with no more than about
     * three character heights between them. Farther on the same line is another column; on another
     * line, the span above is looked for by position instead.
     */
    public static boolean near(LayoutToken last, LayoutToken t) {
        if (last.page() != t.page() || last.line() != t.line()) {
            return false;
        }
        double gap = t.layoutX() - last.right();
        return gap < 3 * Math.max(last.height(), t.height());
    }

    /** A recent row on this page whose span of field {@code f} lies just above {@code t}. */
    private static Row rowAbove(List<Row> rows, int firstOfPage, int f, LayoutToken t) {
        for (int i = rows.size() - 1; i >= Math.max(firstOfPage, rows.size() - 4); i--) {
            Row r = rows.get(i);
            Span s = r.spans.get(f);
            if (s == null) {
                continue;
            }
            LayoutToken last = s.last();
            if (last.line() < t.line()
                    && last.line() >= t.line() - 2
                    && s.overlapsHorizontally(t)) {
                return r;
            }
        }
        return null;
    }
}
