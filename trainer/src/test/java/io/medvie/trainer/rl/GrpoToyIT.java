package io.medvie.trainer.rl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.medvie.model.dataset.DatasetLoader;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.Labeler;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TagSet;
import io.medvie.model.features.FeatureConfig;
import io.medvie.model.network.Tagger;
import io.medvie.model.network.TaggerConfig;
import io.medvie.synth.generate.DatasetWriter;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GRPO on a small task: an untrained tagger, eight clean reports of one template read with their
 * true words, the verified documents as the only signal (no word labels). The reward must climb by
 * a clear margin within a bounded number of steps.
 */
class GrpoToyIT {

    @TempDir Path dir;

    @Test
    void grpoRaisesTheMeanRewardOfAnUntrainedTagger() throws Exception {
        Path data = dir.resolve("toy");
        new DatasetWriter(
                        new SynthOptions(
                                8,
                                Templates.select(List.of("classic"), List.of()),
                                Style.parse("clean"),
                                5,
                                data,
                                0,
                                false,
                                2))
                .run(done -> {});
        Decoder decoder = new Decoder();
        List<LabeledDocument> docs =
                new DatasetLoader(new Labeler(TagSet.LAB_REPORT, decoder))
                        .load(
                                data,
                                DatasetLoader.Words.TRUTH,
                                DatasetLoader.Labels.TAGS,
                                1,
                                line -> {});
        GrpoConfig config =
                new GrpoConfig(8, 4, STEPS / 2, 1, 1e-2f, 0.2, 0.28, 0.0, 1f, 1.0, true, 0, 11);
        List<StepMetrics> steps = new ArrayList<>();
        try (Tagger policy =
                        Tagger.create(
                                TaggerConfig.DEFAULT,
                                FeatureConfig.DEFAULT,
                                TagSet.LAB_REPORT,
                                Device.cpu(),
                                3);
                Tagger reference = policy.copy()) {
            new GrpoTrainer(config, FieldReward.BALANCED, decoder)
                    .train(
                            policy,
                            reference,
                            docs,
                            List.of(),
                            0,
                            new GrpoTrainer.Listener() {
                                @Override
                                public void step(StepMetrics m) {
                                    steps.add(m);
                                    System.out.println(m.line());
                                }
                            });
        }
        assertThat(steps).hasSize(STEPS);
        double first = mean(steps.subList(0, 4));
        double last = mean(steps.subList(STEPS - 4, STEPS));
        assertThat(last)
                .as("mean reward of the last 4 steps vs the first 4")
                .isGreaterThan(first + 0.25);
    }

    static final int STEPS = 40;

    private static double mean(List<StepMetrics> steps) {
        return steps.stream().mapToDouble(StepMetrics::rewardMean).average().orElseThrow();
    }
}
