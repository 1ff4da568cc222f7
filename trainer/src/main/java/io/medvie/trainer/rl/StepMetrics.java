package io.medvie.trainer.rl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What one GRPO step measured, named as TRL logs it.
 *
 * @param step 1-based optimiser step (a sampled batch and its inner epochs)
 * @param totalSteps steps in the run
 * @param epoch 1-based pass over the training documents
 * @param rewardMean mean reward of all sampled labelings
 * @param rewardStd mean over groups of the within-group reward std
 * @param fracZeroStd share of groups whose rewards were all equal
 * @param kl mean k3 KL to the reference per token (over inner epochs)
 * @param entropy mean entropy per token of the sampling policy
 * @param clipRatio share of tokens whose ratio was clipped (over inner epochs)
 * @param gradNorm global gradient norm before clipping (over inner epochs)
 * @param learningRate Adam's learning rate
 * @param loss the objective (over inner epochs)
 * @param groups groups that took part (not skipped)
 * @param seconds since the run started
 */
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One progress line. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "step %d/%d epoch %d reward %.4f (std %.4f, zero-std %.2f) kl %.5f entropy %.4f"
                        + " clip %.4f grad %.3f lr %.2g loss %.5f groups %d %.1f s",
                step,
                totalSteps,
                epoch,
                rewardMean,
                rewardStd,
                fracZeroStd,
                kl,
                entropy,
                clipRatio,
                gradNorm,
                learningRate,
                loss,
                groups,
                seconds);
    }

    /** One JSONL record, with TRL's names. */
    public ObjectNode json() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("step", step);
        n.put("total_steps", totalSteps);
        n.put("epoch", epoch);
        n.put("reward", rewardMean);
        n.put("reward_std", rewardStd);
        n.put("frac_reward_zero_std", fracZeroStd);
        n.put("kl", kl);
        n.put("entropy", entropy);
        n.put("clip_ratio", clipRatio);
        n.put("grad_norm", gradNorm);
        n.put("learning_rate", learningRate);
        n.put("loss", loss);
        n.put("groups", groups);
        n.put("seconds", seconds);
        return n;
    }
}
