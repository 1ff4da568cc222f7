package io.medvie.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.model.metric.Counts;
import io.medvie.model.metric.FieldMetric;
import io.medvie.quality.state.FieldOutcome;
import io.medvie.quality.state.InstanceOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-field counts of one verified report: the model's document against the one a person verified,
 * scored by the project's field metric ({@link FieldMetric}, so leaves, test-row keys and the
 * whitespace-free comparison are exactly the metric's).
 *
 * <p>For each field leaf ({@code patient.name}, {@code test.value}): {@code checked} is the larger
 * of the model's and the verified document's number of instances, {@code correct} the instances
 * matched (same keyed path, same value). So a wrong value is one wrong instance, a missed or a
 * spurious one too, and a report with five test rows checks five {@code test.value}s.
 */
public final class FieldOutcomes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldOutcomes() {}

    /**
     * Scores a model document against its verified version.
     *
     * @throws IllegalArgumentException when either is not JSON
     */
    public static List<FieldOutcome> of(String modelDocument, String verifiedDocument) {
        return outcome(modelDocument, verifiedDocument).fields();
    }

    /** Per-field counts and, per leaf of the model's document, whether the reviewer kept it. */
    public record Outcome(List<FieldOutcome> fields, List<InstanceOutcome> instances) {}

    public static Outcome outcome(String modelDocument, String verifiedDocument) {
        JsonNode model = parse(modelDocument, "model document");
        JsonNode verified = parse(verifiedDocument, "verified document");
        List<FieldOutcome> fields = new ArrayList<>();
        for (Map.Entry<String, Counts> e : FieldMetric.score(model, verified).fields().entrySet()) {
            Counts c = e.getValue();
            fields.add(
                    FieldOutcome.newBuilder()
                            .setField(e.getKey())
                            .setChecked(Math.max(c.predicted(), c.truth()))
                            .setCorrect(c.matched())
                            .build());
        }
        List<InstanceOutcome> instances = new ArrayList<>();
        for (FieldMetric.Instance i : FieldMetric.predictedInstances(model, verified)) {
            instances.add(new InstanceOutcome(i.indexPath(), i.field(), i.matched()));
        }
        return new Outcome(fields, instances);
    }

    /**
     * The field counts with the model's instances split by whether the extractor flagged them
     * ({@code flagged}: the paths of fields with a routing check).
     */
    public static List<FieldOutcome> split(
            List<FieldOutcome> fields, List<InstanceOutcome> instances, Set<String> flagged) {
        Map<String, long[]> byField = new HashMap<>();
        for (InstanceOutcome i : instances) {
            long[] c = byField.computeIfAbsent(i.getField(), k -> new long[4]);
            int at = flagged.contains(i.getPath()) ? 2 : 0;
            c[at]++;
            if (i.getCorrect()) {
                c[at + 1]++;
            }
        }
        List<FieldOutcome> out = new ArrayList<>(fields.size());
        for (FieldOutcome f : fields) {
            long[] c = byField.getOrDefault(f.getField(), new long[4]);
            out.add(
                    FieldOutcome.newBuilder(f)
                            .setConfidentChecked(c[0])
                            .setConfidentCorrect(c[1])
                            .setFlaggedChecked(c[2])
                            .setFlaggedCorrect(c[3])
                            .build());
        }
        return out;
    }

    private static JsonNode parse(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Neither Jackson's message nor its cause is kept: they may quote the text, which is
            // patient data. The position is enough to find the fault in the event.
            throw new IllegalArgumentException(
                    "the "
                            + what
                            + " is not JSON (line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ")");
        }
    }
}
