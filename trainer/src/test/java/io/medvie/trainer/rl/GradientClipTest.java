package io.medvie.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.medvie.model.decode.TagSet;
import io.medvie.model.features.FeatureConfig;
import io.medvie.model.features.PageLayout;
import io.medvie.model.network.Batch;
import io.medvie.model.network.Tagger;
import io.medvie.model.network.TaggerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The global gradient-norm clip scales the tagger's real gradients in place. */
class GradientClipTest {

    @Test
    void gradientsAboveTheNormAreScaledDownToIt() {
        try (Tagger tagger =
                Tagger.create(
                        TaggerConfig.DEFAULT,
                        FeatureConfig.DEFAULT,
                        TagSet.LAB_REPORT,
                        Device.cpu(),
                        7)) {
            List<PageLayout.Word> words =
                    List.of(
                            new PageLayout.Word("Hemoglobin", 10, 10, 90, 20, 10, 10, 1f),
                            new PageLayout.Word("13.2", 120, 10, 40, 20, 120, 10, 1f),
                            new PageLayout.Word("g/dL", 180, 10, 40, 20, 180, 10, 1f));
            PageLayout layout = PageLayout.of(0, 1000, 1400, words).layout();
            try (NDManager scope = tagger.model().getNDManager().newSubManager();
                    Trainer trainer =
                            tagger.model().newTrainer(new DefaultTrainingConfig(Loss.l2Loss()));
                    GradientCollector collector = trainer.newGradientCollector()) {
                Batch batch = tagger.batch(scope, List.of(tagger.featurizer().features(layout)));
                NDArray logits = tagger.forward(new ParameterStore(scope, false), batch, false);
                collector.backward(logits.square().sum().mul(1000f));
                double before = GrpoTrainer.clipGradients(tagger, 0);
                assertTrue(before > 1, "a large loss gives a large gradient: " + before);
                double reported = GrpoTrainer.clipGradients(tagger, 0.5);
                assertEquals(before, reported, before * 1e-5);
                assertEquals(0.5, GrpoTrainer.clipGradients(tagger, 0), 1e-3);

                // Nothing is left behind in the model's manager: a step after another, the
                // gradient wrappers and their squares would otherwise pile up there.
                BaseNDManager model = (BaseNDManager) tagger.model().getNDManager();
                int arrays = model.getManagedArrays().size();
                for (int i = 0; i < 20; i++) {
                    GrpoTrainer.clipGradients(tagger, 0.5);
                }
                assertEquals(arrays, model.getManagedArrays().size());
            }
        }
    }
}
