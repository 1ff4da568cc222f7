package io.medvie.trainer.rl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.artifact.DefaultModel;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.artifact.ModelManifest;
import io.medvie.model.dataset.DatasetLoader;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.Labeler;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TagSet;
import io.medvie.model.eval.EvalReport;
import io.medvie.model.eval.Evaluator;
import io.medvie.model.network.Tagger;
import io.medvie.trainer.TrainingSet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code medvie train rl}: GRPO from verified documents, offline. The same algorithm the trainer
 * service runs on medvie.verified-samples, on folders in the dataset layout where only each
 * report's pages and its document.json (the verified values) are used: no word tags.
 */
@Command(
        name = "rl",
        mixinStandardHelpOptions = true,
        description = {
            "Improves a model with GRPO (RLVR) on verified reports: folders in the dataset layout"
                    + " (docs/data-layout.md) of which only the pages and document.json are read.",
            "Prints every step (reward, KL, entropy, clip ratio, gradient norm), writes them as"
                    + " JSON lines next to the model, and keeps the step with the best selection F1."
        })
public final class TrainRlCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--data",
            required = true,
            description = "Folder of verified reports; repeat for several.")
    List<Path> data = new ArrayList<>();

    @Option(
            names = "--base",
            description = "Model to start from and to stay close to (default: the shipped model).")
    Path base;

    @Option(names = "--out", required = true, description = "Model file to write (.zip).")
    Path out;

    @Option(
            names = "--words",
            defaultValue = "ocr",
            description =
                    "ocr: the words the page reader gives (cached as page-N.ocr.json); truth: the"
                            + " generator's words, for quick experiments (default: ${DEFAULT-VALUE}).")
    String words;

    @Option(
            names = "--selection-fraction",
            defaultValue = "0.2",
            description =
                    "Share of reports kept out of training to pick the best step; 0 keeps the last"
                            + " (default: ${DEFAULT-VALUE}).")
    double selectionFraction;

    @Option(names = "--group-size", defaultValue = "8", description = "Labelings per report, G.")
    int groupSize;

    @Option(names = "--docs-per-step", defaultValue = "4", description = "Reports per step.")
    int docsPerStep;

    @Option(names = "--epochs", defaultValue = "10", description = "Passes over the reports.")
    int epochs;

    @Option(
            names = "--inner-epochs",
            defaultValue = "2",
            description = "Optimiser steps per sampled batch.")
    int innerEpochs;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam's learning rate.")
    float learningRate;

    @Option(names = "--clip-low", defaultValue = "0.2", description = "Ratio clip below 1.")
    double clipLow;

    @Option(names = "--clip-high", defaultValue = "0.28", description = "Ratio clip above 1.")
    double clipHigh;

    @Option(names = "--beta", defaultValue = "0.04", description = "KL weight to the base.")
    double beta;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature.")
    float temperature;

    @Option(
            names = "--max-grad-norm",
            defaultValue = "1.0",
            description = "Gradient norm clip (0: off).")
    double maxGradNorm;

    @Option(
            names = "--keep-zero-std-groups",
            description = "Train on groups whose rewards are all equal too (default: skip them).")
    boolean keepZeroStd;

    @Option(
            names = "--reward-a",
            defaultValue = "0.5",
            description = "Weight of precision in the reward (recall gets 1 - a).")
    double rewardA;

    @Option(
            names = "--eval-every",
            defaultValue = "0",
            description = "Score the selection set every N steps (0: every epoch).")
    int evalEvery;

    @Option(names = "--seed", defaultValue = "42", description = "Seed.")
    long seed;

    @Option(names = "--threads", description = "OCR workers (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--version", description = "Model version (default: <base>-grpo-s<seed>).")
    String version;

    @Option(
            names = "--steps-log",
            description = "JSON lines of step metrics (default: the model file + .steps.jsonl).")
    Path stepsLog;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        GrpoConfig config;
        FieldReward reward;
        try {
            config =
                    new GrpoConfig(
                            groupSize,
                            docsPerStep,
                            epochs,
                            innerEpochs,
                            learningRate,
                            clipLow,
                            clipHigh,
                            beta,
                            temperature,
                            maxGradNorm,
                            !keepZeroStd,
                            evalEvery,
                            seed);
            reward = new FieldReward(rewardA);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (selectionFraction < 0 || selectionFraction >= 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--selection-fraction must be in [0, 1), got " + selectionFraction);
        }
        DatasetLoader.Words w;
        switch (words.toLowerCase(Locale.ROOT)) {
            case "ocr" -> w = DatasetLoader.Words.OCR;
            case "truth" -> w = DatasetLoader.Words.TRUTH;
            default ->
                    throw new ParameterException(
                            spec.commandLine(), "--words: unknown value '" + words + "'");
        }
        if (base != null && !Files.isRegularFile(base)) {
            throw new ParameterException(spec.commandLine(), "--base: no such file: " + base);
        }
        Decoder decoder = new Decoder();
        DatasetLoader loader = new DatasetLoader(new Labeler(TagSet.LAB_REPORT, decoder));
        // Labels are not used by RL; VALUES needs no word tags, TRUTH words come with them.
        DatasetLoader.Labels labels =
                w == DatasetLoader.Words.OCR
                        ? DatasetLoader.Labels.VALUES
                        : DatasetLoader.Labels.TAGS;
        TrainingSet set =
                TrainingSet.load(
                        data,
                        loader,
                        w,
                        labels,
                        threads,
                        selectionFraction,
                        seed,
                        line -> progress(err, line));
        ArrayNode sources = set.sources();
        List<LabeledDocument> selection = set.kept();
        List<LabeledDocument> train = set.train();
        if (train.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no reports left to train on");
        }
        byte[] baseBytes = base == null ? DefaultModel.bytes() : Files.readAllBytes(base);
        Path log = stepsLog != null ? stepsLog : Path.of(out + ".steps.jsonl");
        Files.deleteIfExists(log);
        try (ModelArtifact.Loaded loaded = ModelArtifact.read(baseBytes, Tagger.defaultDevice());
                Tagger reference = loaded.tagger().copy();
                StepLog steps = new StepLog(log)) {
            Tagger policy = loaded.tagger();
            ModelManifest parent = loaded.manifest();
            EvalReport before =
                    selection.isEmpty() ? null : Evaluator.evaluate(policy, decoder, selection);
            progress(
                    err,
                    String.format(
                            Locale.ROOT,
                            "train rl: %d train / %d selection reports, base %s%s, %d steps, seed %d",
                            train.size(),
                            selection.size(),
                            parent.version(),
                            before == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT, " (selection F1 %.4f)", before.f1()),
                            GrpoTrainer.totalSteps(config, train.size()),
                            seed));
            GrpoTrainer.Result result =
                    new GrpoTrainer(config, reward, decoder)
                            .train(
                                    policy,
                                    reference,
                                    train,
                                    selection,
                                    0,
                                    new GrpoTrainer.Listener() {
                                        @Override
                                        public void step(StepMetrics m) {
                                            steps.write(m);
                                            progress(err, m.line());
                                        }

                                        @Override
                                        public void evaluated(
                                                int step, EvalReport r, boolean best) {
                                            progress(
                                                    err,
                                                    String.format(
                                                            Locale.ROOT,
                                                            "step %d: selection F1 %.4f (P %.4f R %.4f)%s",
                                                            step,
                                                            r.f1(),
                                                            r.total().precision(),
                                                            r.total().recall(),
                                                            best ? " *" : ""));
                                        }
                                    });
            ObjectNode training = summary(config, reward, sources, train, selection, result);
            if (before != null) {
                training.put("selection_f1_before", before.f1());
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (result.selection() != null) {
                metrics.put("heldout_f1", result.selection().f1());
                metrics.put("heldout_precision", result.selection().total().precision());
                metrics.put("heldout_recall", result.selection().total().recall());
            }
            ModelManifest manifest =
                    new ModelManifest(
                            ModelManifest.FORMAT,
                            version != null ? version : parent.version() + "-grpo-s" + seed,
                            parent.version(),
                            parent.docType(),
                            parent.schemaVersion(),
                            parent.labels(),
                            parent.features(),
                            parent.network(),
                            training,
                            seed,
                            metrics,
                            null,
                            Instant.now().toString());
            ModelArtifact.write(policy, manifest, out);
            progress(
                    err,
                    String.format(
                            Locale.ROOT,
                            "train rl: wrote %s (step %d of %d kept%s) in %.1f s; steps in %s",
                            out,
                            result.bestStep(),
                            result.steps(),
                            result.selection() == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT,
                                            ", selection F1 %.4f",
                                            result.selection().f1()),
                            result.seconds(),
                            log));
        }
        return 0;
    }

    /** What the manifest records of a GRPO run. */
    public static ObjectNode summary(
            GrpoConfig config,
            FieldReward reward,
            ArrayNode sources,
            List<LabeledDocument> train,
            List<LabeledDocument> selection,
            GrpoTrainer.Result result) {
        ObjectNode training = ModelArtifact.mapper().createObjectNode();
        training.put("method", "grpo");
        if (sources != null) {
            training.set("data", sources);
        }
        training.put("train_reports", train.size());
        training.put("selection_reports", selection.size());
        training.putPOJO("grpo", config);
        training.put("reward", "format + a * precision + (1 - a) * recall");
        training.put("reward_a", reward.a());
        training.put("steps", result.steps());
        training.put("best_step", result.bestStep());
        training.put("seconds", Math.round(result.seconds() * 10) / 10.0);
        return training;
    }

    private static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
