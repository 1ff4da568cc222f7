package io.medvie.trainer.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * GRPO's token-level objective, for G labelings of B pages of T tokens:
 *
 * <pre>
 * ratio   = exp(logp - logp_old)
 * surr    = min(ratio * A, clip(ratio, 1 - clipLow, 1 + clipHigh) * A)
 * kl      = exp(logp_ref - logp) - (logp_ref - logp) - 1        (the k3 estimator, >= 0)
 * loss    = - sum over real tokens (surr - beta * kl) / number of real tokens
 * </pre>
 *
 * The mean is over all tokens of the batch at once (DAPO's token-level loss), so long pages weigh
 * by their tokens rather than each sequence equally. A is the sequence's advantage, the same for
 * all its tokens.
 */
public final class GrpoLoss {

    private GrpoLoss() {}

    /**
     * @param loss scalar, differentiable through {@code logp}
     * @param kl mean k3 KL per real token (detached)
     * @param clipRatio share of real tokens whose ratio was clipped in the direction of the
     *     advantage (their gradient is zero) (detached)
     */
    public record Terms(NDArray loss, NDArray kl, NDArray clipRatio) {}

    /**
     * @param logp {@code [G, B, T]} token log-probs under the policy being trained
     * @param oldLogp {@code [G, B, T]} under the policy that sampled the labelings
     * @param refLogp {@code [G, B, T]} under the frozen reference policy
     * @param advantages {@code [G, B]} per labeling of each page
     * @param mask {@code [B, T]} 1 on the tokens that count, 0 on padding and on dropped pages
     */
    public static Terms compute(
            NDArray logp,
            NDArray oldLogp,
            NDArray refLogp,
            NDArray advantages,
            NDArray mask,
            double clipLow,
            double clipHigh,
            double beta) {
        NDArray a = advantages.expandDims(-1);
        NDArray m = mask.expandDims(0).broadcast(logp.getShape());
        NDArray count = m.sum().maximum(1f);
        NDArray ratio = logp.sub(oldLogp.stopGradient()).exp();
        NDArray unclipped = ratio.mul(a);
        NDArray clipped = ratio.clip(1 - clipLow, 1 + clipHigh).mul(a);
        NDArray surrogate = unclipped.minimum(clipped);
        NDArray perToken = surrogate.neg();
        NDArray kl = null;
        if (beta > 0) {
            NDArray d = refLogp.stopGradient().sub(logp);
            kl = d.exp().sub(d).sub(1);
            perToken = perToken.add(kl.mul(beta));
        }
        NDArray loss = perToken.mul(m).sum().div(count);
        NDArray klMean =
                kl == null
                        ? logp.getManager().create(0f)
                        : kl.stopGradient().mul(m).sum().div(count);
        NDArray ratioD = ratio.stopGradient();
        NDArray aB = a.broadcast(logp.getShape());
        NDArray low = ratioD.lt(1 - clipLow).logicalAnd(aB.lt(0));
        NDArray high = ratioD.gt(1 + clipHigh).logicalAnd(aB.gt(0));
        NDArray clipRatio =
                low.logicalOr(high).toType(DataType.FLOAT32, false).mul(m).sum().div(count);
        return new Terms(loss, klMean, clipRatio);
    }
}
