package io.medvie.model.metric;

import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.schemas.json.DocumentSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field precision, recall and F1 over flattened leaf pairs ({@link FieldPairs}): a predicted pair
 * matches a true pair with the same keyed path and the same value after whitespace removal (each
 * true pair matches at most once). Micro-averaged over a set with {@link Accumulator}, with a
 * per-field breakdown. Also the RL reward. Pure Java, thread-safe.
 */
public final class FieldMetric {

    private FieldMetric() {}

    /** The scores of one document, overall and per field. */
    public record Result(Counts total, Map<String, Counts> fields) {}

    /**
     * One predicted leaf and whether it matched a true one.
     *
     * @param indexPath its path as the extractor names it ({@code tests[3].unit})
     * @param field its field leaf ({@code test.unit})
     */
    public record Instance(String indexPath, String field, boolean matched) {}

    public static Result score(JsonNode predicted, JsonNode truth) {
        List<FieldPairs.Pair> p = FieldPairs.of(predicted);
        List<FieldPairs.Pair> t = FieldPairs.of(truth);
        boolean[] hit = match(p, t);
        Map<String, long[]> fields = new TreeMap<>();
        long matched = 0;
        for (int i = 0; i < p.size(); i++) {
            long[] c = fields.computeIfAbsent(p.get(i).field(), k -> new long[3]);
            c[1]++;
            if (hit[i]) {
                c[0]++;
                matched++;
            }
        }
        for (FieldPairs.Pair pair : t) {
            fields.computeIfAbsent(pair.field(), k -> new long[3])[2]++;
        }
        Map<String, Counts> out = new TreeMap<>();
        fields.forEach((k, c) -> out.put(k, new Counts(c[0], c[1], c[2])));
        return new Result(new Counts(matched, p.size(), t.size()), out);
    }

    /** Every predicted leaf with whether it matched, by the same rule as {@link #score}. */
    public static List<Instance> predictedInstances(JsonNode predicted, JsonNode truth) {
        List<FieldPairs.Pair> p = FieldPairs.of(predicted);
        boolean[] hit = match(p, FieldPairs.of(truth));
        List<Instance> out = new ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) {
            out.add(new Instance(p.get(i).indexPath(), p.get(i).field(), hit[i]));
        }
        return out;
    }

    /** Per predicted pair: matched a true pair of the same keyed path and value (each once). */
    private static boolean[] match(List<FieldPairs.Pair> p, List<FieldPairs.Pair> t) {
        Map<String, Integer> truthCounts = new HashMap<>();
        for (FieldPairs.Pair pair : t) {
            truthCounts.merge(pair.path() + "\u0000" + pair.value(), 1, Integer::sum);
        }
        boolean[] hit = new boolean[p.size()];
        for (int i = 0; i < p.size(); i++) {
            String key = p.get(i).path() + "\u0000" + p.get(i).value();
            Integer left = truthCounts.get(key);
            if (left != null && left > 0) {
                truthCounts.put(key, left - 1);
                hit[i] = true;
            }
        }
        return hit;
    }

    /** Compiled schemas are immutable and thread-safe; built on first use of {@link #reward}. */
    private static final class Schemas {
        static final DocumentSchemas INSTANCE = new DocumentSchemas();
    }

    /** {@link #reward(JsonNode, JsonNode, double, DocumentSchemas)} with the built-in schemas. */
    public static double reward(JsonNode predicted, JsonNode truth, double a) {
        return reward(predicted, truth, a, Schemas.INSTANCE);
    }

    /**
     * DESIGN.md's reward: {@code format + a * precision + (1 - a) * recall}, where format is 1 when
     * the predicted document validates against the lab-report schema and 0 otherwise.
     *
     * @param a weight of precision, in [0, 1]
     */
    public static double reward(
            JsonNode predicted, JsonNode truth, double a, DocumentSchemas schemas) {
        if (a < 0 || a > 1) {
            throw new IllegalArgumentException("reward weight a must be in [0, 1], got " + a);
        }
        boolean valid =
                predicted != null
                        && schemas.validate(
                                        DocumentSchemas.LAB_REPORT,
                                        DocumentSchemas.LAB_REPORT_VERSION,
                                        predicted)
                                .isEmpty();
        Counts c = score(predicted, truth).total();
        return (valid ? 1 : 0) + a * c.precision() + (1 - a) * c.recall();
    }

    /** Micro-averaged counts over a set of documents, overall and per field. Not thread-safe. */
    public static final class Accumulator {
        private Counts total = Counts.ZERO;
        private final Map<String, Counts> fields = new TreeMap<>();
        private int documents;

        public Result add(JsonNode predicted, JsonNode truth) {
            Result r = score(predicted, truth);
            add(r);
            return r;
        }

        public void add(Result r) {
            total = total.plus(r.total());
            r.fields().forEach((k, c) -> fields.merge(k, c, Counts::plus));
            documents++;
        }

        public Counts total() {
            return total;
        }

        public Map<String, Counts> fields() {
            return Map.copyOf(fields);
        }

        public int documents() {
            return documents;
        }

        public Result result() {
            return new Result(total, new TreeMap<>(fields));
        }
    }
}
