package io.medvie.trainer.sft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.LabeledPage;
import io.medvie.model.decode.Decoder;
import io.medvie.model.eval.EvalReport;
import io.medvie.model.eval.Evaluator;
import io.medvie.model.features.PageFeatures;
import io.medvie.model.network.Batch;
import io.medvie.model.network.Policy;
import io.medvie.model.network.Tagger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Supervised training of a tagger on labelled pages: masked token cross-entropy, Adam with a
 * cosine-decayed learning rate, held-out field F1 after every epoch; the epoch with the best
 * held-out F1 is kept (the last one when there is no held-out set).
 *
 * <p>Deterministic for a seed at a fixed thread count: parameters and dropout come from the
 * engine's seeded generator, shuffling from a {@link Random} of the same seed.
 */
public final class SftTrainer {

    /** One epoch's progress. */
    public record Progress(
            int epoch, int epochs, double loss, EvalReport heldOut, double seconds, boolean best) {}

    /** What a run gives. */
    public record Result(
            int bestEpoch, double bestF1, EvalReport heldOut, double seconds, int trainPages) {}

    private final SftConfig config;
    private final Decoder decoder;

    public SftTrainer(SftConfig config, Decoder decoder) {
        this.config = config;
        this.decoder = decoder;
    }

    /** A training page: features and gold labels. */
    private record Example(PageFeatures features, int[] labels) {}

    /**
     * Trains {@code tagger} in place.
     *
     * @param heldOut documents to score after each epoch (may be empty)
     */
    public Result train(
            Tagger tagger,
            List<LabeledDocument> train,
            List<LabeledDocument> heldOut,
            Consumer<Progress> progress) {
        List<Example> examples = new ArrayList<>();
        for (LabeledDocument d : train) {
            for (LabeledPage p : d.pages()) {
                if (p.layout().size() > 0) {
                    examples.add(new Example(tagger.featurizer().features(p.layout()), p.labels()));
                }
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training page has any word");
        }
        int stepsPerEpoch = (examples.size() + config.batchPages() - 1) / config.batchPages();
        int totalSteps = stepsPerEpoch * config.epochs();
        Tracker lr =
                Tracker.cosine()
                        .setBaseValue(config.learningRate())
                        .optFinalValue(config.learningRate() / 10)
                        .setMaxUpdates(totalSteps)
                        .build();
        DefaultTrainingConfig trainingConfig =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(lr)
                                        .optClipGrad(5f)
                                        .build());
        Random random = new Random(config.seed());
        long start = System.nanoTime();
        byte[] best = null;
        double bestF1 = -1;
        int bestEpoch = 0;
        EvalReport bestReport = null;
        try (Trainer trainer = tagger.model().newTrainer(trainingConfig)) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                Collections.shuffle(examples, random);
                double lossSum = 0;
                int tokens = 0;
                for (int s = 0; s < examples.size(); s += config.batchPages()) {
                    List<Example> chunk =
                            examples.subList(s, Math.min(examples.size(), s + config.batchPages()));
                    double[] l = step(tagger, trainer, chunk);
                    lossSum += l[0];
                    tokens += (int) l[1];
                }
                double loss = lossSum / Math.max(1, tokens);
                EvalReport report = null;
                boolean isBest;
                if (heldOut.isEmpty()) {
                    isBest = true;
                } else {
                    report = Evaluator.evaluate(tagger, decoder, heldOut);
                    isBest = report.f1() > bestF1;
                }
                if (isBest) {
                    best = tagger.parameters();
                    bestF1 = report == null ? Double.NaN : report.f1();
                    bestEpoch = epoch;
                    bestReport = report;
                }
                progress.accept(
                        new Progress(
                                epoch,
                                config.epochs(),
                                loss,
                                report,
                                (System.nanoTime() - start) / 1e9,
                                isBest));
            }
        }
        if (best != null && bestEpoch != config.epochs()) {
            tagger.restore(best);
        }
        return new Result(
                bestEpoch, bestF1, bestReport, (System.nanoTime() - start) / 1e9, examples.size());
    }

    /** One optimiser step; returns {summed token loss, token count}. */
    private static double[] step(Tagger tagger, Trainer trainer, List<Example> chunk) {
        try (NDManager scope = tagger.model().getNDManager().newSubManager();
                GradientCollector collector = trainer.newGradientCollector()) {
            List<PageFeatures> pages = new ArrayList<>(chunk.size());
            for (Example e : chunk) {
                pages.add(e.features());
            }
            Batch batch = tagger.batch(scope, pages);
            int width = batch.width();
            long[] gold = new long[chunk.size() * width];
            for (int i = 0; i < chunk.size(); i++) {
                int[] l = chunk.get(i).labels();
                for (int j = 0; j < l.length; j++) {
                    gold[i * width + j] = l[j];
                }
            }
            NDArray labels = scope.create(gold, new Shape(chunk.size(), width));
            NDArray logits = tagger.forward(new ParameterStore(scope, false), batch, true);
            NDArray tokenLogProbs = Policy.tokenLogProbs(Policy.logProbs(logits), labels);
            NDArray mask = batch.mask();
            NDArray count = mask.sum();
            NDArray summed = tokenLogProbs.mul(mask).sum().neg();
            collector.backward(summed.div(count));
            trainer.step();
            return new double[] {
                summed.toType(DataType.FLOAT64, false).getDouble(), count.getFloat()
            };
        }
    }
}
