package io.medvie.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.medvie.model.network.Tagger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GRPO objective against values worked out by hand for two labelings of one page of two real
 * tokens and one padding token (clipLow 0.2, clipHigh 0.28, beta 0.04):
 *
 * <pre>
 * token     logp  old   ref   A   ratio          surrogate                      k3 KL
 * (0, 0)   -0.5  -0.9  -0.6   1   e^0.4  = 1.4918  clipped high: 1.28           e^-0.1 + 0.1 - 1 = 0.0048374
 * (0, 1)   -1.0  -0.6  -0.9   1   e^-0.4 = 0.6703  0.6703 (A > 0: no low clip)  e^0.1  - 0.1 - 1 = 0.0051709
 * (1, 0)   -0.2  -0.2  -0.3  -1   1              -1                             e^-0.1 + 0.1 - 1 = 0.0048374
 * (1, 1)   -2.0  -1.5  -1.8  -1   e^-0.5 = 0.6065  clipped low: -0.8            e^0.2  - 0.2 - 1 = 0.0214028
 * loss = -((1.28 + 0.6703 - 1 - 0.8) - 0.04 * 0.0362485) / 4 = -0.0372175
 * </pre>
 *
 * Gradients per token: clipped tokens only feel the KL term, {@code beta * (1 - e^(ref - logp)) /
 * 4}; the others also {@code -A * ratio / 4}.
 */
class GrpoLossTest {

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        Engine.getEngine(Tagger.ENGINE);
        manager = NDManager.newBaseManager(Tagger.ENGINE);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static NDArray g2b1t3(float... v) {
        return manager.create(v, new Shape(2, 1, 3));
    }

    @Test
    void lossKlAndClipRatioMatchTheHandComputedValues() {
        // The third token is padding with values that would change every figure if it counted.
        NDArray logp = g2b1t3(-0.5f, -1.0f, -9f, -0.2f, -2.0f, -9f);
        NDArray old = g2b1t3(-0.9f, -0.6f, -0.1f, -0.2f, -1.5f, -0.1f);
        NDArray ref = g2b1t3(-0.6f, -0.9f, -0.1f, -0.3f, -1.8f, -0.1f);
        NDArray adv = manager.create(new float[] {1f, -1f}, new Shape(2, 1));
        NDArray mask = manager.create(new float[] {1f, 1f, 0f}, new Shape(1, 3));
        logp.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getEngine(Tagger.ENGINE).newGradientCollector()) {
            GrpoLoss.Terms t = GrpoLoss.compute(logp, old, ref, adv, mask, 0.2, 0.28, 0.04);
            assertEquals(-0.0372175, t.loss().getFloat(), 1e-6);
            assertEquals(0.0090621, t.kl().getFloat(), 1e-6);
            assertEquals(0.5, t.clipRatio().getFloat(), 1e-6);
            collector.backward(t.loss());
        }
        float[] grad = logp.getGradient().toFloatArray();
        assertArrayEquals(
                new float[] {0.0009516f, -0.1686317f, 0f, 0.2509516f, -0.0022140f, 0f},
                grad,
                1e-6f);
    }

    @Test
    void withoutKlAndAtTheSamplingPolicyTheLossIsMinusTheMeanAdvantage() {
        // ratio 1 everywhere: nothing is clipped, the objective is the mean advantage per token.
        NDArray logp = g2b1t3(-0.5f, -1f, -2f, -0.3f, -0.7f, -2f);
        NDArray adv = manager.create(new float[] {0.5f, -1.5f}, new Shape(2, 1));
        NDArray mask = manager.create(new float[] {1f, 1f, 1f}, new Shape(1, 3));
        GrpoLoss.Terms t = GrpoLoss.compute(logp, logp, logp, adv, mask, 0.2, 0.28, 0);
        assertEquals(-(3 * 0.5 - 3 * 1.5) / 6.0, t.loss().getFloat(), 1e-6);
        assertEquals(0, t.kl().getFloat(), 0);
        assertEquals(0, t.clipRatio().getFloat(), 0);
    }
}
