package io.medvie.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * The tagger as a policy over labelings, for RL: log-probabilities, Gumbel-max sampling (DJL has no
 * multinomial op) and the log-probability of a given labeling. All operate on logits {@code [B, T,
 * C]} from {@link Tagger#forward}; run inside a {@code GradientCollector} with {@code training =
 * true} to get gradients, outside it for old/reference policies.
 *
 * <p>Padding positions: sampled labels there are O; their log-probs are multiplied by the batch
 * mask in {@link #sequenceLogProbs}, so they never count.
 */
public final class Policy {

    private Policy() {}

    /** Per-token log-probabilities {@code [B, T, C]}. */
    public static NDArray logProbs(NDArray logits) {
        return logits.logSoftmax(-1);
    }

    /**
     * Per-token log-probability of a labeling: {@code out[..., b, t] = logProbs[b, t, labels[...,
     * b, t]]}.
     *
     * @param logProbs {@code [B, T, C]}
     * @param labels int64 {@code [B, T]} or {@code [G, B, T]} (G labelings per page)
     * @return float32 of the labels' shape
     */
    public static NDArray tokenLogProbs(NDArray logProbs, NDArray labels) {
        Shape ls = labels.getShape();
        NDArray lp = logProbs;
        if (ls.dimension() == 3) {
            lp =
                    logProbs.expandDims(0)
                            .broadcast(
                                    new Shape(
                                            ls.get(0),
                                            ls.get(1),
                                            ls.get(2),
                                            logProbs.getShape().get(2)));
        }
        return lp.gather(labels.expandDims(-1), ls.dimension()).squeeze(-1);
    }

    /** Sum of token log-probs over real tokens: {@code [B]} or {@code [G, B]}. */
    public static NDArray sequenceLogProbs(NDArray tokenLogProbs, NDArray mask) {
        return tokenLogProbs.mul(mask).sum(new int[] {-1});
    }

    /** G labelings per page with their per-token log-probabilities under the sampling policy. */
    public record Samples(NDArray labels, NDArray tokenLogProbs) {}

    /**
     * Samples {@code g} labelings per page by Gumbel-max: {@code argmax(logits / temperature +
     * Gumbel noise)}. The noise comes from a Java {@link SplittableRandom} seeded by {@code seed},
     * so the samples depend only on the logits and the seed.
     *
     * @return labels int64 {@code [G, B, T]} (O on padding) and their token log-probs under {@code
     *     softmax(logits / temperature)}, detached
     */
    public static Samples sample(
            NDArray logits, NDArray mask, int g, long seed, float temperature) {
        if (g < 1) {
            throw new IllegalArgumentException("samples per page must be >= 1, got " + g);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        NDManager manager = logits.getManager();
        Shape s = logits.getShape();
        long b = s.get(0);
        long t = s.get(1);
        long c = s.get(2);
        SplittableRandom random = new SplittableRandom(seed);
        float[] noise = new float[Math.toIntExact(g * b * t * c)];
        for (int i = 0; i < noise.length; i++) {
            double u = random.nextDouble();
            // Keep u away from 0 and 1 so both logs stay finite.
            u = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
            noise[i] = (float) -Math.log(-Math.log(u));
        }
        NDArray scaled = logits.stopGradient().div(temperature);
        NDArray gumbel = manager.create(noise, new Shape(g, b, t, c));
        NDArray labels = scaled.expandDims(0).add(gumbel).argMax(-1).toType(DataType.INT64, false);
        labels = labels.mul(mask.expandDims(0).toType(DataType.INT64, false));
        NDArray lp = tokenLogProbs(logProbs(scaled), labels);
        return new Samples(labels, lp);
    }

    /** The most likely labels {@code [B, T]} int64 and their probabilities {@code [B, T]}. */
    public static NDArray[] argMax(NDArray logits) {
        NDArray probs = logits.softmax(-1);
        NDArray labels = logits.argMax(-1).toType(DataType.INT64, false);
        NDArray p = probs.gather(labels.expandDims(-1), 2).squeeze(-1);
        return new NDArray[] {labels, p};
    }

    /** Mean entropy per real token of the distributions, a scalar. */
    public static NDArray entropy(NDArray logits, NDArray mask) {
        NDArray lp = logProbs(logits);
        NDArray h = lp.exp().mul(lp).sum(new int[] {-1}).neg();
        return h.mul(mask).sum().div(mask.sum().maximum(1f));
    }
}
