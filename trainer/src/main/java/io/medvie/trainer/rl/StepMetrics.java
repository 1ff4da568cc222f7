package io.medvie.trainer.rl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** TEMPORARY STUB until the GRPO core lands on main. */
public record StepMetrics(
        int step,
        int totalSteps,
        int epoch,
        double rewardMean,
        double rewardStd,
        double fracZeroStd,
        double kl,
        double entropy,
        double clipRatio,
        double gradNorm,
        double learningRate,
        double loss,
        int groups,
        double seconds) {
    public String line() {
        return String.format(
                Locale.ROOT, "step %d/%d reward %.4f kl %.4f", step, totalSteps, rewardMean, kl);
    }

    public ObjectNode json() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("step", step);
        o.put("reward_mean", rewardMean);
        return o;
    }
}
