package io.medvie.model.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.metric.Counts;
import io.medvie.model.metric.FieldMetric;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field scores over a set of documents: micro-averaged overall, per field and per style, printed as
 * a table or as one JSON object. Not thread-safe; add from one thread.
 */
public final class EvalReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FieldMetric.Accumulator all = new FieldMetric.Accumulator();
    private final Map<String, FieldMetric.Accumulator> styles = new TreeMap<>();
    private int failed;

    public FieldMetric.Result add(String style, JsonNode predicted, JsonNode truth) {
        FieldMetric.Result r = FieldMetric.score(predicted, truth);
        all.add(r);
        styles.computeIfAbsent(
                        style == null ? "unknown" : style, k -> new FieldMetric.Accumulator())
                .add(r);
        return r;
    }

    /** A document that could not be read: every true pair counts as missed. */
    public void addFailure(String style, JsonNode truth) {
        failed++;
        add(style, null, truth);
    }

    public Counts total() {
        return all.total();
    }

    public double f1() {
        return all.total().f1();
    }

    public int documents() {
        return all.documents();
    }

    public int failed() {
        return failed;
    }

    public Map<String, Counts> fields() {
        return new TreeMap<>(all.fields());
    }

    public Map<String, Counts> styles() {
        Map<String, Counts> out = new TreeMap<>();
        styles.forEach((k, v) -> out.put(k, v.total()));
        return out;
    }

    /** {@code {"f1":..,"precision":..,"recall":..,"documents":..,"fields":{..},"styles":{..}}}. */
    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        put(root, all.total());
        root.put("documents", all.documents());
        root.put("failed", failed);
        ObjectNode f = root.putObject("fields");
        fields().forEach((k, c) -> put(f.putObject(k), c));
        ObjectNode s = root.putObject("styles");
        styles().forEach((k, c) -> put(s.putObject(k), c));
        return root;
    }

    private static void put(ObjectNode node, Counts c) {
        node.put("f1", round(c.f1()));
        node.put("precision", round(c.precision()));
        node.put("recall", round(c.recall()));
        node.put("matched", c.matched());
        node.put("predicted", c.predicted());
        node.put("truth", c.truth());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** A plain-text table: overall, per style, per field. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%-28s %7s %7s %7s %7s %7s%n",
                        "",
                        "P",
                        "R",
                        "F1",
                        "pred",
                        "true"));
        row(sb, "overall (" + all.documents() + " docs)", all.total());
        sb.append(String.format(Locale.ROOT, "%nper style%n"));
        styles().forEach((k, c) -> row(sb, "  " + k, c));
        sb.append(String.format(Locale.ROOT, "%nper field%n"));
        fields().forEach((k, c) -> row(sb, "  " + k, c));
        if (failed > 0) {
            sb.append(String.format(Locale.ROOT, "%n%d document(s) could not be read%n", failed));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Counts c) {
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%-28s %7.4f %7.4f %7.4f %7d %7d%n",
                        name,
                        c.precision(),
                        c.recall(),
                        c.f1(),
                        c.predicted(),
                        c.truth()));
    }
}
