package io.medvie.review.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a reviewer changed: the model's document against the verified one, leaf by leaf.
 *
 * <p>Table rows are matched through {@code rowOrigins} (for each verified row, the index of the
 * model row it was edited from, or null for a row the reviewer added): removing row 2 must not make
 * rows 3, 4, ... look corrected. Without origins rows are matched by index.
 */
public final class DocumentDiff {
    /** The table of the lab report whose rows can be added and removed. */
    public static final String TABLE = "tests";

    /** What happened to one leaf. */
    public enum Action {
        ACCEPTED,
        CORRECTED,
        ADDED,
        REMOVED
    }

    /**
     * One leaf: its path (in the verified document; in the model's for a removed leaf), and both
     * values, null where absent.
     */
    public record Leaf(String path, Action action, String modelValue, String verifiedValue) {
        public boolean changed() {
            return action != Action.ACCEPTED;
        }

        /** The path with row indexes removed: {@code tests[3].value} is {@code tests[].value}. */
        public String kind() {
            return kindOf(path);
        }
    }

    private DocumentDiff() {}

    public static String kindOf(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    /**
     * Every leaf of both documents.
     *
     * @param rowOrigins per verified row of {@value #TABLE}, the model row it came from, or null;
     *     null (the whole list) to match rows by index
     */
    public static List<Leaf> diff(JsonNode model, JsonNode verified, List<Integer> rowOrigins) {
        Map<String, String> m = flatten(model);
        Map<String, String> v = flatten(verified);
        int modelRows = rows(model);
        int verifiedRows = rows(verified);
        List<Integer> origins = rowOrigins;
        if (origins == null) {
            origins = new ArrayList<>();
            for (int i = 0; i < verifiedRows; i++) {
                origins.add(i < modelRows ? i : null);
            }
        } else if (origins.size() != verifiedRows) {
            throw new IllegalArgumentException(
                    "rowOrigins has " + origins.size() + " entries for " + verifiedRows + " rows");
        }
        Set<Integer> usedModelRows = new LinkedHashSet<>();
        for (Integer o : origins) {
            if (o != null && (o < 0 || o >= modelRows || !usedModelRows.add(o))) {
                throw new IllegalArgumentException("rowOrigins names model row " + o + " wrongly");
            }
        }

        List<Leaf> out = new ArrayList<>();
        // Leaves outside the table: same path on both sides.
        Set<String> paths = new LinkedHashSet<>();
        m.keySet().stream().filter(p -> !inTable(p)).forEach(paths::add);
        v.keySet().stream().filter(p -> !inTable(p)).forEach(paths::add);
        for (String p : paths) {
            out.add(leaf(p, m.get(p), v.get(p)));
        }
        // Verified rows against the model rows they came from.
        for (int row = 0; row < verifiedRows; row++) {
            Integer origin = origins.get(row);
            Map<String, String> vRow = row(v, row);
            Map<String, String> mRow = origin == null ? Map.of() : row(m, origin);
            Set<String> columns = new LinkedHashSet<>(mRow.keySet());
            columns.addAll(vRow.keySet());
            for (String column : columns) {
                out.add(leaf(rowPath(row, column), mRow.get(column), vRow.get(column)));
            }
        }
        // Model rows the reviewer removed.
        for (int row = 0; row < modelRows; row++) {
            if (!usedModelRows.contains(row)) {
                for (Map.Entry<String, String> c : row(m, row).entrySet()) {
                    out.add(new Leaf(rowPath(row, c.getKey()), Action.REMOVED, c.getValue(), null));
                }
            }
        }
        return out;
    }

    /** Leaf path to text value, in document order; nulls and containers are not leaves. */
    public static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(node, "", out);
        return out;
    }

    /** How many leaves of each kind were reviewed: the denominators of correction rates. */
    public static Map<String, Integer> kinds(List<Leaf> leaves) {
        Map<String, Integer> out = new TreeMap<>();
        for (Leaf leaf : leaves) {
            out.merge(leaf.kind(), 1, Integer::sum);
        }
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(
                            e ->
                                    flatten(
                                            e.getValue(),
                                            path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                                            out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, node.asText());
        }
    }

    private static Leaf leaf(String path, String model, String verified) {
        Action action;
        if (model == null) {
            action = Action.ADDED;
        } else if (verified == null) {
            action = Action.REMOVED;
        } else if (model.equals(verified)) {
            action = Action.ACCEPTED;
        } else {
            action = Action.CORRECTED;
        }
        return new Leaf(path, action, model, verified);
    }

    private static boolean inTable(String path) {
        return path.startsWith(TABLE + "[");
    }

    private static int rows(JsonNode doc) {
        JsonNode table = doc == null ? null : doc.get(TABLE);
        return table != null && table.isArray() ? table.size() : 0;
    }

    private static Map<String, String> row(Map<String, String> flat, int row) {
        String prefix = TABLE + "[" + row + "].";
        Map<String, String> out = new LinkedHashMap<>();
        flat.forEach(
                (p, value) -> {
                    if (p.startsWith(prefix)) {
                        out.put(p.substring(prefix.length()), value);
                    }
                });
        return out;
    }

    private static String rowPath(int row, String column) {
        return TABLE + "[" + row + "]." + column;
    }
}
