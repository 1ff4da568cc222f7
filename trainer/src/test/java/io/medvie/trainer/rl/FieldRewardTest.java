package io.medvie.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The reward on hand-made documents: format + a * precision + (1 - a) * recall. */
class FieldRewardTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String TRUTH =
            """
            {"patient": {"name": "Ana Silva", "sex": "F"},
             "report": {"collected_at": "2026-03-02"},
             "tests": [
               {"name": "Hemoglobin", "value": "13.2", "unit": "g/dL"},
               {"name": "WBC", "value": "7.1"}
             ]}""";

    private static JsonNode json(String s) throws Exception {
        return MAPPER.readTree(s);
    }

    @Test
    void thePerfectDocumentEarnsTwo() throws Exception {
        assertEquals(2.0, FieldReward.BALANCED.score(json(TRUTH), json(TRUTH)), 1e-9);
    }

    @Test
    void precisionAndRecallAreCountedOverLeafPairs() throws Exception {
        // Leaf pairs: the truth has 8. The prediction has 5: name (whitespace ignored), and
        // Hemoglobin's name, value and unit right, sex wrong -> precision 4/5, recall 4/8.
        JsonNode predicted =
                json(
                        """
                        {"patient": {"name": "Ana  Silva ", "sex": "M"}, "report": {},
                         "tests": [{"name": "Hemoglobin", "value": "13.2", "unit": "g/dL"}]}""");
        double precision = 4 / 5.0;
        double recall = 4 / 8.0;
        assertEquals(
                1 + 0.5 * precision + 0.5 * recall,
                FieldReward.BALANCED.score(predicted, json(TRUTH)),
                1e-9);
        assertEquals(1 + precision, new FieldReward(1).score(predicted, json(TRUTH)), 1e-9);
        assertEquals(1 + recall, new FieldReward(0).score(predicted, json(TRUTH)), 1e-9);
    }

    @Test
    void aDocumentThatDoesNotValidateLosesTheFormatPoint() throws Exception {
        ObjectNode invalid = (ObjectNode) json(TRUTH);
        invalid.remove("report"); // required by the schema
        // Its pairs are the truth's but collected_at: precision 1, recall 7/8; no format point.
        assertEquals(0.5 + 0.5 * 7 / 8.0, FieldReward.BALANCED.score(invalid, json(TRUTH)), 1e-9);
        assertEquals(0.0, FieldReward.BALANCED.score(null, json(TRUTH)), 1e-9);
    }

    @Test
    void theWeightMustBeAShare() {
        assertThrows(IllegalArgumentException.class, () -> new FieldReward(1.5));
    }
}
