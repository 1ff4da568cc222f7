package io.medvie.model.metric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A document flattened into leaf (path, value) pairs, the unit the metric counts.
 *
 * <p>Objects' leaves keep their path ({@code patient.name}); a test row is keyed by its name with
 * whitespace removed and, when a name repeats, its occurrence: {@code tests[Neutrophils#2].value}.
 * So row order does not matter and a report's two "Neutrophils" rows (% and absolute) stay apart.
 * Values are compared with all whitespace removed; empty values are not pairs.
 */
public final class FieldPairs {

    /**
     * One leaf.
     *
     * @param path keyed path, e.g. {@code tests[Hemoglobin#1].unit}
     * @param field the field leaf it belongs to, e.g. {@code test.unit}, for the per-field table
     * @param value the value with whitespace removed
     * @param indexPath the leaf's path in the document as the extractor names it, e.g. {@code
     *     tests[3].unit} (row by its place in the array)
     */
    public record Pair(String path, String field, String value, String indexPath) {}

    private FieldPairs() {}

    public static List<Pair> of(JsonNode document) {
        List<Pair> pairs = new ArrayList<>();
        if (document == null || !document.isObject()) {
            return pairs;
        }
        Iterator<Map.Entry<String, JsonNode>> it = document.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode node = e.getValue();
            if (key.equals("tests") && node.isArray()) {
                Map<String, Integer> seen = new HashMap<>();
                int index = -1;
                for (JsonNode row : node) {
                    index++;
                    if (!row.isObject()) {
                        continue;
                    }
                    String name = squeeze(text(row.get("name")));
                    int occurrence = seen.merge(name, 1, Integer::sum);
                    String prefix = "tests[" + name + "#" + occurrence + "].";
                    Iterator<Map.Entry<String, JsonNode>> leaves = row.fields();
                    while (leaves.hasNext()) {
                        Map.Entry<String, JsonNode> leaf = leaves.next();
                        add(
                                pairs,
                                prefix + leaf.getKey(),
                                "test." + leaf.getKey(),
                                leaf.getValue(),
                                "tests[" + index + "]." + leaf.getKey());
                    }
                }
            } else if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> leaves = node.fields();
                while (leaves.hasNext()) {
                    Map.Entry<String, JsonNode> leaf = leaves.next();
                    String path = key + "." + leaf.getKey();
                    add(pairs, path, path, leaf.getValue(), path);
                }
            } else {
                add(pairs, key, key, node, key);
            }
        }
        return pairs;
    }

    private static void add(
            List<Pair> pairs, String path, String field, JsonNode value, String indexPath) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return;
        }
        String v = squeeze(value.asText());
        if (!v.isEmpty()) {
            pairs.add(new Pair(path, field, v, indexPath));
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    /** The text with every whitespace character removed. */
    public static String squeeze(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
