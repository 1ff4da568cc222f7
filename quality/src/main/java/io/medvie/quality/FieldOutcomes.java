package io.medvie.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.model.metric.Counts;
import io.medvie.model.metric.FieldMetric;
import io.medvie.quality.state.FieldOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        JsonNode model = parse(modelDocument, "model document");
        JsonNode verified = parse(verifiedDocument, "verified document");
        List<FieldOutcome> out = new ArrayList<>();
        for (Map.Entry<String, Counts> e : FieldMetric.score(model, verified).fields().entrySet()) {
            Counts c = e.getValue();
            out.add(new FieldOutcome(e.getKey(), Math.max(c.predicted(), c.truth()), c.matched()));
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
