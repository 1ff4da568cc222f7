package io.medvie.trainer.rl;

/**
 * Group-relative advantages (GRPO): each sample's reward minus its group's mean, over the group's
 * standard deviation (sample std, n - 1, as TRL computes it).
 */
public final class GroupAdvantages {

    /** Added to the std so a near-constant group does not blow up. */
    public static final double EPSILON = 1e-4;

    private GroupAdvantages() {}

    /** {@code (r - mean) / (std + EPSILON)}; all zeros when the group's rewards are all equal. */
    public static double[] of(double[] rewards) {
        if (rewards.length < 2) {
            throw new IllegalArgumentException(
                    "a group needs at least 2 rewards, got " + rewards.length);
        }
        double mean = mean(rewards);
        double std = std(rewards);
        double[] out = new double[rewards.length];
        if (std == 0) {
            return out;
        }
        for (int i = 0; i < rewards.length; i++) {
            out[i] = (rewards[i] - mean) / (std + EPSILON);
        }
        return out;
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n - 1); 0 for fewer than 2 values. */
    public static double std(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
