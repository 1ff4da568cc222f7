package io.medvie.model.metric;

/**
 * Matched, predicted and true pair counts, and the scores they give.
 *
 * <p>Conventions for empty sets: precision is 1 when nothing was predicted and nothing was true, 0
 * when nothing was predicted but something was true; recall likewise.
 */
public record Counts(long matched, long predicted, long truth) {

    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(matched + o.matched, predicted + o.predicted, truth + o.truth);
    }

    public double precision() {
        return predicted == 0 ? (truth == 0 ? 1 : 0) : (double) matched / predicted;
    }

    public double recall() {
        return truth == 0 ? (predicted == 0 ? 1 : 0) : (double) matched / truth;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
