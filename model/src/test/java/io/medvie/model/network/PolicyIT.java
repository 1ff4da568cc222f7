package io.medvie.model.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.medvie.model.decode.TagSet;
import io.medvie.model.features.FeatureConfig;
import io.medvie.model.features.PageFeatures;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyIT {

    private static Tagger tagger;

    @BeforeAll
    static void create() {
        tagger =
                Tagger.create(
                        TaggerConfig.DEFAULT,
                        FeatureConfig.DEFAULT,
                        TagSet.LAB_REPORT,
                        Device.cpu(),
                        7);
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    private static List<PageFeatures> pages() {
        return List.of(
                TestPages.page(tagger.featurizer(), 37, 1),
                TestPages.page(tagger.featurizer(), 12, 2),
                TestPages.page(tagger.featurizer(), 70, 3));
    }

    @Test
    void aPageGetsTheSameLogitsAloneAsInAPaddedBatch() {
        List<PageFeatures> pages = pages();
        try (NDManager m = tagger.model().getNDManager().newSubManager()) {
            NDArray together =
                    tagger.forward(new ParameterStore(m, false), tagger.batch(m, pages), false);
            NDArray alone =
                    tagger.forward(
                            new ParameterStore(m, false),
                            tagger.batch(m, List.of(pages.get(1))),
                            false);
            float[] a = together.get("1, 0:12").toFloatArray();
            float[] b = alone.get("0, 0:12").toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).isCloseTo(b[i], within(1e-4f));
            }
        }
    }

    @Test
    void sampledLogProbsEqualThePolicysLogProbOfTheSameLabeling() {
        List<PageFeatures> pages = pages();
        try (NDManager m = tagger.model().getNDManager().newSubManager()) {
            Batch batch = tagger.batch(m, pages);
            NDArray logits = tagger.forward(new ParameterStore(m, false), batch, false);
            Policy.Samples s = Policy.sample(logits, batch.mask(), 8, 123, 1f);
            assertThat(s.labels().getShape()).isEqualTo(new Shape(8, 3, batch.width()));

            // A fresh forward pass, scoring each sampled labeling on its own.
            NDArray again = tagger.forward(new ParameterStore(m, false), batch, false);
            NDArray lp = Policy.logProbs(again);
            NDArray scored =
                    Policy.sequenceLogProbs(Policy.tokenLogProbs(lp, s.labels()), batch.mask());
            NDArray sampled = Policy.sequenceLogProbs(s.tokenLogProbs(), batch.mask());
            assertThat(scored.getShape()).isEqualTo(new Shape(8, 3));
            float[] x = scored.toFloatArray();
            float[] y = sampled.toFloatArray();
            for (int i = 0; i < x.length; i++) {
                assertThat(x[i]).isCloseTo(y[i], within(1e-3f));
                assertThat(x[i]).isNegative();
            }
            // one labeling at a time ([B, T]) gives the same as the grouped call
            NDArray first = s.labels().get(0);
            float[] one =
                    Policy.sequenceLogProbs(Policy.tokenLogProbs(lp, first), batch.mask())
                            .toFloatArray();
            assertThat(one[2]).isCloseTo(x[2], within(1e-4f));
            // padding positions are O
            long[] labels = s.labels().get(0, 1).toLongArray();
            for (int t = 12; t < labels.length; t++) {
                assertThat(labels[t]).isZero();
            }
        }
    }

    @Test
    void samplesAreDeterministicForASeedAndFollowTheDistribution() {
        try (NDManager m = tagger.model().getNDManager().newSubManager()) {
            // One token, three labels with known probabilities 0.7, 0.2, 0.1.
            NDArray logits =
                    m.create(
                            new float[] {
                                (float) Math.log(0.7), (float) Math.log(0.2), (float) Math.log(0.1)
                            },
                            new Shape(1, 1, 3));
            NDArray mask = m.ones(new Shape(1, 1));
            int g = 4000;
            long[] a = Policy.sample(logits, mask, g, 5, 1f).labels().toLongArray();
            long[] b = Policy.sample(logits, mask, g, 5, 1f).labels().toLongArray();
            assertThat(a).containsExactly(b);
            int[] counts = new int[3];
            for (long l : a) {
                counts[(int) l]++;
            }
            assertThat(counts[0] / (double) g).isCloseTo(0.7, within(0.03));
            assertThat(counts[1] / (double) g).isCloseTo(0.2, within(0.03));
            assertThat(counts[2] / (double) g).isCloseTo(0.1, within(0.03));
        }
    }

    @Test
    void logProbsOfALabelingCarryGradientsWhenAsked() {
        List<PageFeatures> pages = pages();
        try (Tagger policy = tagger.copy();
                Trainer trainer =
                        policy.model().newTrainer(new DefaultTrainingConfig(Loss.l2Loss()));
                NDManager m = policy.model().getNDManager().newSubManager()) {
            Batch batch = policy.batch(m, pages);
            NDArray labels;
            try (NDManager s = m.newSubManager()) {
                NDArray logits = policy.forward(new ParameterStore(s, false), batch, false);
                labels = Policy.sample(logits, batch.mask(), 2, 9, 1f).labels();
                labels.attach(m);
            }
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = policy.forward(new ParameterStore(m, false), batch, true);
                NDArray seq =
                        Policy.sequenceLogProbs(
                                Policy.tokenLogProbs(Policy.logProbs(logits), labels),
                                batch.mask());
                collector.backward(seq.sum().neg());
            }
            NDArray grad = policy.block().getParameters().get("embedding").getArray().getGradient();
            assertThat(grad.abs().sum().getFloat()).isGreaterThan(0f);
        }
    }

    @Test
    void sameSeedSameParameters() {
        try (Tagger a =
                        Tagger.create(
                                TaggerConfig.DEFAULT,
                                FeatureConfig.DEFAULT,
                                TagSet.LAB_REPORT,
                                Device.cpu(),
                                11);
                Tagger b =
                        Tagger.create(
                                TaggerConfig.DEFAULT,
                                FeatureConfig.DEFAULT,
                                TagSet.LAB_REPORT,
                                Device.cpu(),
                                11);
                Tagger c =
                        Tagger.create(
                                TaggerConfig.DEFAULT,
                                FeatureConfig.DEFAULT,
                                TagSet.LAB_REPORT,
                                Device.cpu(),
                                12)) {
            assertThat(a.parameters()).isEqualTo(b.parameters());
            assertThat(a.parameters()).isNotEqualTo(c.parameters());
        }
    }
}
