package io.medvie.trainer.rl;

import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.model.metric.FieldMetric;

/**
 * DESIGN.md's reward: {@code format + a * precision + (1 - a) * recall} over flattened leaf pairs
 * ({@link FieldMetric#reward}); format is 1 when the document validates against the lab-report
 * schema. In [0, 2].
 *
 * @param a weight of precision, in [0, 1]; 0.5 balances precision and recall
 */
public record FieldReward(double a) implements Reward {

    public static final FieldReward BALANCED = new FieldReward(0.5);

    public FieldReward {
        if (!(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("reward weight a must be in [0, 1], got " + a);
        }
    }

    @Override
    public double score(JsonNode predicted, JsonNode truth) {
        return FieldMetric.reward(predicted, truth, a);
    }
}
