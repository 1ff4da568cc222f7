package io.medvie.trainer.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.LabeledPage;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TaggedPage;
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

/**
 * GRPO (RLVR) on the tagger as policy. Per step: take {@code docsPerStep} training documents,
 * sample {@code groupSize} labelings of each from the current policy, decode every labeling to a
 * document and score it against the verified one with the {@link Reward}; advantages are relative
 * to the document's group ({@link GroupAdvantages}); then {@code innerEpochs} Adam steps on the
 * clipped, KL-penalised token-level objective ({@link GrpoLoss}).
 *
 * <p>No word labels are needed: only each document's pages (the words OCR read) and its verified
 * JSON. Dropout is off throughout, so the first inner epoch's ratio is exactly 1.
 *
 * <p>Deterministic for a seed at a fixed thread count: the document order of each epoch and the
 * sampling noise of each step depend only on the seed and the step, so a run resumed at a step
 * (from a checkpoint of the parameters) takes the same batches as the run it continues. Adam's
 * moments restart from zero on resume.
 */
public final class GrpoTrainer {

    /** Told about progress; every method runs on the training thread. */
    public interface Listener {
        default void step(StepMetrics metrics) {}

        /**
         * The selection set was scored after {@code step}; {@code best} when it is the best yet.
         */
        default void evaluated(int step, EvalReport selection, boolean best) {}

        /** After every step (its inner epochs done): {@code policy} holds the step's parameters. */
        default void afterStep(int step, Tagger policy) {}
    }

    /**
     * What a run gives.
     *
     * @param steps the last step taken
     * @param bestStep the step whose parameters the policy holds at the end
     * @param bestF1 its selection F1 (NaN without a selection set)
     * @param selection its selection report (null without a selection set)
     */
    public record Result(
            int steps,
            int bestStep,
            double bestF1,
            EvalReport selection,
            double seconds,
            int trainDocs) {}

    private final GrpoConfig config;
    private final Reward reward;
    private final Decoder decoder;

    public GrpoTrainer(GrpoConfig config, Reward reward, Decoder decoder) {
        this.config = config;
        this.reward = reward;
        this.decoder = decoder;
    }

    public GrpoConfig config() {
        return config;
    }

    public static int stepsPerEpoch(GrpoConfig c, int trainDocs) {
        return (trainDocs + c.docsPerStep() - 1) / c.docsPerStep();
    }

    public static int totalSteps(GrpoConfig c, int trainDocs) {
        return stepsPerEpoch(c, trainDocs) * c.epochs();
    }

    /** A training document with its page features (pages with no words dropped). */
    private record Doc(
            LabeledDocument source, List<LabeledPage> pages, List<PageFeatures> features) {}

    /**
     * Trains {@code policy} in place.
     *
     * @param reference the frozen reference policy of the KL term (a {@link Tagger#copy()} of the
     *     starting policy); not modified
     * @param selection documents scored every {@code evalEvery} steps (or each epoch) to keep the
     *     best step; may be empty, then the last step is kept
     * @param startStep steps already taken (resume from a checkpoint); 0 for a new run
     */
    public Result train(
            Tagger policy,
            Tagger reference,
            List<LabeledDocument> train,
            List<LabeledDocument> selection,
            int startStep,
            Listener listener) {
        List<Doc> docs = new ArrayList<>();
        for (LabeledDocument d : train) {
            List<LabeledPage> pages = new ArrayList<>();
            List<PageFeatures> features = new ArrayList<>();
            for (LabeledPage p : d.pages()) {
                if (p.layout().size() > 0) {
                    pages.add(p);
                    features.add(policy.featurizer().features(p.layout()));
                }
            }
            if (!pages.isEmpty()) {
                docs.add(new Doc(d, pages, features));
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("no training document has any word");
        }
        int perEpoch = stepsPerEpoch(config, docs.size());
        int total = perEpoch * config.epochs();
        if (startStep < 0 || startStep > total) {
            throw new IllegalArgumentException(
                    "start step " + startStep + " outside the run's " + total + " steps");
        }
        int evalEvery = config.evalEvery() == 0 ? perEpoch : config.evalEvery();
        DefaultTrainingConfig trainingConfig =
                new DefaultTrainingConfig(Loss.l2Loss())
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(
                                                Tracker.fixed(config.learningRate()))
                                        .build());
        long start = System.nanoTime();
        byte[] best = null;
        int bestStep = startStep;
        double bestF1 = Double.NaN;
        EvalReport bestReport = null;
        try (Trainer trainer = policy.model().newTrainer(trainingConfig)) {
            for (int step = startStep + 1; step <= total; step++) {
                int epoch = (step - 1) / perEpoch + 1;
                List<Doc> chunk = batchOf(docs, epoch, (step - 1) % perEpoch);
                StepMetrics m = step(policy, reference, trainer, chunk, step, total, epoch, start);
                listener.step(m);
                if (!selection.isEmpty() && (step % evalEvery == 0 || step == total)) {
                    EvalReport report = Evaluator.evaluate(policy, decoder, selection);
                    boolean isBest = best == null || report.f1() > bestF1;
                    if (isBest) {
                        best = policy.parameters();
                        bestF1 = report.f1();
                        bestStep = step;
                        bestReport = report;
                    }
                    listener.evaluated(step, report, isBest);
                }
                listener.afterStep(step, policy);
            }
        }
        if (best != null && bestStep != total) {
            policy.restore(best);
        }
        if (best == null) {
            bestStep = total;
        }
        return new Result(
                total,
                bestStep,
                bestF1,
                bestReport,
                (System.nanoTime() - start) / 1e9,
                docs.size());
    }

    /** The documents of one step: a slice of the epoch's seeded shuffle. */
    private List<Doc> batchOf(List<Doc> docs, int epoch, int index) {
        List<Integer> order = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(config.seed() * 1_000_003L + epoch));
        int from = index * config.docsPerStep();
        List<Doc> out = new ArrayList<>();
        for (int i = from; i < Math.min(docs.size(), from + config.docsPerStep()); i++) {
            out.add(docs.get(order.get(i)));
        }
        return out;
    }

    private StepMetrics step(
            Tagger policy,
            Tagger reference,
            Trainer trainer,
            List<Doc> chunk,
            int step,
            int total,
            int epoch,
            long start) {
        int g = config.groupSize();
        try (NDManager scope = policy.model().getNDManager().newSubManager()) {
            List<PageFeatures> pages = new ArrayList<>();
            List<Integer> docOfPage = new ArrayList<>();
            for (int d = 0; d < chunk.size(); d++) {
                for (PageFeatures f : chunk.get(d).features()) {
                    pages.add(f);
                    docOfPage.add(d);
                }
            }
            Batch batch = policy.batch(scope, pages);
            int b = batch.size();
            int width = batch.width();
            float temperature = config.temperature();

            // Sample with the current (old) policy; score under the reference once.
            NDArray logits = policy.forward(new ParameterStore(scope, false), batch, false);
            logits = logits.stopGradient();
            double entropy = Policy.entropy(logits.div(temperature), batch.mask()).getFloat();
            long seed = config.seed() ^ (step * 0x9E3779B97F4A7C15L);
            Policy.Samples samples = Policy.sample(logits, batch.mask(), g, seed, temperature);
            NDArray labels = samples.labels();
            NDArray oldLogp = samples.tokenLogProbs();
            NDArray refLogits = reference.forward(new ParameterStore(scope, false), batch, false);
            NDArray refLogp =
                    Policy.tokenLogProbs(
                                    Policy.logProbs(refLogits.stopGradient().div(temperature)),
                                    labels)
                            .stopGradient();

            // Decode and score every labeling of every document.
            long[] flat = labels.toLongArray();
            float[] probs = oldLogp.exp().toFloatArray();
            double[][] rewards = new double[chunk.size()][g];
            for (int s = 0; s < g; s++) {
                int page = 0;
                for (int d = 0; d < chunk.size(); d++) {
                    Doc doc = chunk.get(d);
                    List<TaggedPage> tagged = new ArrayList<>();
                    for (LabeledPage lp : doc.pages()) {
                        int n = lp.layout().size();
                        int[] l = new int[n];
                        float[] p = new float[n];
                        int base = (s * b + page) * width;
                        for (int j = 0; j < n; j++) {
                            l[j] = (int) flat[base + j];
                            p[j] = probs[base + j];
                        }
                        tagged.add(new TaggedPage(lp.layout(), l, p));
                        page++;
                    }
                    JsonNode predicted = decodeOrNull(tagged);
                    rewards[d][s] = reward.score(predicted, doc.source().truth());
                }
            }

            // Advantages per group; groups with equal rewards carry no signal.
            float[] adv = new float[g * b];
            float[] keep = new float[b];
            double rewardSum = 0;
            double stdSum = 0;
            int zeroStd = 0;
            int used = 0;
            boolean[] kept = new boolean[chunk.size()];
            for (int d = 0; d < chunk.size(); d++) {
                double std = GroupAdvantages.std(rewards[d]);
                rewardSum += GroupAdvantages.mean(rewards[d]);
                stdSum += std;
                if (std == 0) {
                    zeroStd++;
                }
                kept[d] = !(config.skipZeroStdGroups() && std == 0);
                if (kept[d]) {
                    used++;
                }
            }
            for (int p = 0; p < b; p++) {
                int d = docOfPage.get(p);
                keep[p] = kept[d] ? 1 : 0;
                double[] a = GroupAdvantages.of(rewards[d]);
                for (int s = 0; s < g; s++) {
                    adv[s * b + p] = (float) a[s];
                }
            }
            double kl = 0;
            double clip = 0;
            double grad = 0;
            double loss = 0;
            if (used > 0) {
                NDArray advantages = scope.create(adv, new Shape(g, b));
                NDArray mask = batch.mask().mul(scope.create(keep, new Shape(b, 1)));
                for (int k = 0; k < config.innerEpochs(); k++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray now =
                                policy.forward(new ParameterStore(scope, false), batch, false)
                                        .div(temperature);
                        NDArray logp = Policy.tokenLogProbs(Policy.logProbs(now), labels);
                        GrpoLoss.Terms terms =
                                GrpoLoss.compute(
                                        logp,
                                        oldLogp,
                                        refLogp,
                                        advantages,
                                        mask,
                                        config.clipLow(),
                                        config.clipHigh(),
                                        config.beta());
                        collector.backward(terms.loss());
                        grad += clipGradients(policy, config.maxGradNorm());
                        trainer.step();
                        kl += terms.kl().getFloat();
                        clip += terms.clipRatio().getFloat();
                        loss += terms.loss().getFloat();
                    }
                }
                int mu = config.innerEpochs();
                kl /= mu;
                clip /= mu;
                grad /= mu;
                loss /= mu;
            }
            return new StepMetrics(
                    step,
                    total,
                    epoch,
                    rewardSum / chunk.size(),
                    stdSum / chunk.size(),
                    zeroStd / (double) chunk.size(),
                    kl,
                    entropy,
                    clip,
                    grad,
                    config.learningRate(),
                    loss,
                    used,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private JsonNode decodeOrNull(List<TaggedPage> tagged) {
        try {
            return decoder.decode(tagged).document();
        } catch (RuntimeException e) {
            // A labeling the decoder cannot turn into a document earns the reward of no document.
            return null;
        }
    }

    /**
     * The global L2 norm of the gradients; when above {@code max} (and max > 0) every gradient is
     * scaled down to it, in place.
     */
    static double clipGradients(Tagger policy, double max) {
        // getGradient() wraps the gradient in a new array of the parameter's manager (the model's):
        // move the wrappers and everything computed from them to a scope closed here, or every
        // step would leave arrays the size of the parameters behind until the model is closed.
        // Closing a wrapper does not free the gradient the parameter keeps.
        try (NDManager scope = policy.model().getNDManager().newSubManager()) {
            List<NDArray> grads = new ArrayList<>();
            double sq = 0;
            for (var pair : policy.block().getParameters()) {
                Parameter p = pair.getValue();
                if (!p.requiresGradient()) {
                    continue;
                }
                NDArray grad = p.getArray().getGradient();
                grad.attach(scope);
                grads.add(grad);
                sq += grad.square().sum().toType(DataType.FLOAT64, false).getDouble();
            }
            double norm = Math.sqrt(sq);
            if (max > 0 && norm > max) {
                float scale = (float) (max / (norm + 1e-6));
                for (NDArray grad : grads) {
                    grad.muli(scale);
                }
            }
            return norm;
        }
    }
}
