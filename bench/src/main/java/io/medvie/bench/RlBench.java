package io.medvie.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.bench.ocr.ProcessMemory;
import io.medvie.bench.rl.RlData;
import io.medvie.bench.rl.RunResult;
import io.medvie.bench.rl.RunResult.Scores;
import io.medvie.model.artifact.DefaultModel;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.artifact.ModelManifest;
import io.medvie.model.dataset.DatasetLoader;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.LabeledPage;
import io.medvie.model.dataset.Labeler;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TagSet;
import io.medvie.model.decode.TaggedPage;
import io.medvie.model.eval.EvalReport;
import io.medvie.model.eval.Evaluator;
import io.medvie.model.network.Tagger;
import io.medvie.synth.template.Template;
import io.medvie.synth.template.Templates;
import io.medvie.trainer.rl.FieldReward;
import io.medvie.trainer.rl.GrpoConfig;
import io.medvie.trainer.rl.GrpoTrainer;
import io.medvie.trainer.rl.StepMetrics;
import io.medvie.trainer.sft.SftConfig;
import io.medvie.trainer.sft.SftTrainer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Issue 7's experiment: a base model, templates it never saw, and N verified samples of them; the
 * base, SFT on the samples, GRPO on the samples, and SFT followed by GRPO, each scored on held-out
 * scan reports of the unseen templates and on held-out reports of the base's own templates. See
 * docs/benchmarks.md.
 *
 * <p>Every trained model starts from a fresh copy of the base. SFT and GRPO see the same samples
 * (the same labelled documents: SFT trains on their values aligned to the OCR words, GRPO only uses
 * the words and the true document) and the same selection split: a share of the N samples is kept
 * out of training and used by both to pick the best epoch or step.
 */
@Command(
        name = "rl",
        mixinStandardHelpOptions = true,
        description = {
            "Issue 7's experiment: base vs SFT vs GRPO (RLVR) vs SFT+GRPO on N verified samples of"
                    + " templates the base never saw; held-out F1/P/R on those templates,"
                    + " in-distribution F1, the curve over N, wall time and memory.",
            "Data is generated into --work when missing and reused otherwise (OCR cached beside"
                    + " the pages)."
        })
public final class RlBench implements Callable<Integer> {

    @Option(
            names = "--work",
            required = true,
            description = "Folder for the data sets and the result file.")
    Path work;

    @Option(names = "--base", description = "Base model file (default: the shipped model).")
    Path base;

    @Option(
            names = "--targets",
            split = ",",
            defaultValue = "euro-letter,cumulative-landscape",
            description = "Templates the base never saw (default: ${DEFAULT-VALUE}).")
    List<String> targets;

    @Option(
            names = "--train",
            defaultValue = "100",
            description = "Verified samples of the target templates (default: ${DEFAULT-VALUE}).")
    int train;

    @Option(
            names = "--test",
            defaultValue = "200",
            description =
                    "Held-out scan reports of the target templates (default: ${DEFAULT-VALUE}).")
    int test;

    @Option(
            names = "--indist",
            defaultValue = "100",
            description =
                    "Held-out scan reports of the base's own templates (default: ${DEFAULT-VALUE}).")
    int indist;

    @Option(
            names = "--curve",
            split = ",",
            defaultValue = "10,25,50,100",
            description = "Sample counts of the curve (default: ${DEFAULT-VALUE}).")
    List<Integer> curve;

    @Option(
            names = "--methods",
            split = ",",
            defaultValue = "sft,rl,sft+rl",
            description =
                    "Which to run: sft and rl at every count of the curve, sft+rl at --train"
                            + " (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(
            names = "--seed",
            defaultValue = "5001",
            description =
                    "Data seeds: samples S, target test S+1, in-distribution test S+2; also the"
                            + " split and training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--selection-fraction",
            defaultValue = "0.2",
            description =
                    "Share of the N samples kept out of training to pick the best epoch (SFT) or"
                            + " step (RL); 0 keeps the last (default: ${DEFAULT-VALUE}).")
    double selectionFraction;

    @Option(
            names = "--sft-epochs",
            defaultValue = "20",
            description = "SFT epochs (default: ${DEFAULT-VALUE}).")
    int sftEpochs;

    @Option(
            names = "--sft-lr",
            defaultValue = "0.003",
            description =
                    "SFT learning rate, cosine-decayed to a tenth (default: ${DEFAULT-VALUE}).")
    float sftLearningRate;

    @Option(
            names = "--sft-batch",
            defaultValue = "8",
            description = "SFT pages per step (default: ${DEFAULT-VALUE}).")
    int sftBatch;

    @Option(names = "--rl-epochs", description = "GRPO epochs (default: GrpoConfig.DEFAULT).")
    Integer rlEpochs;

    @Option(names = "--rl-lr", description = "GRPO learning rate (default: GrpoConfig.DEFAULT).")
    Float rlLearningRate;

    @Option(names = "--group-size", description = "GRPO samples per document.")
    Integer groupSize;

    @Option(names = "--docs-per-step", description = "GRPO documents per optimiser step.")
    Integer docsPerStep;

    @Option(names = "--inner-epochs", description = "GRPO optimiser steps per sampled batch.")
    Integer innerEpochs;

    @Option(names = "--beta", description = "GRPO KL weight to the reference policy.")
    Double beta;

    @Option(names = "--temperature", description = "GRPO sampling temperature.")
    Float temperature;

    @Option(names = "--eval-every", description = "GRPO: score the selection set every N steps.")
    Integer evalEvery;

    @Option(
            names = "--threads",
            description = "OCR and generator workers (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--out",
            description = "Result file (default: <work>/rl-bench-<base version>-s<seed>.json).")
    Path out;

    @Option(names = "--json", description = "Print the result JSON instead of the table.")
    boolean json;

    @Spec CommandLine.Model.CommandSpec spec;

    private PrintWriter err;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RlBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        err = spec.commandLine().getErr();
        long benchStart = System.nanoTime();
        GrpoConfig grpo = grpoConfig();
        validate();
        Files.createDirectories(work);
        byte[] baseBytes = base == null ? DefaultModel.bytes() : Files.readAllBytes(base);
        ModelManifest baseManifest = ModelArtifact.manifest(baseBytes);
        List<Template> targetTemplates = Templates.select(targets, List.of());
        List<String> seen = trainedTemplates(baseManifest.training());
        for (Template t : targetTemplates) {
            if (seen.contains(t.name())) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--targets: the base "
                                + baseManifest.version()
                                + " was trained on "
                                + t.name()
                                + "; the targets must be templates it never saw");
            }
        }
        List<Template> ownTemplates =
                seen.isEmpty()
                        ? Templates.select(List.of(), targets)
                        : Templates.select(seen, targets);
        RlData.Spec trainSpec = new RlData.Spec("target-train", train, seed, targetTemplates);
        RlData.Spec testSpec = new RlData.Spec("target-test", test, seed + 1, targetTemplates);
        RlData.Spec indistSpec =
                new RlData.Spec(indistName(ownTemplates), indist, seed + 2, ownTemplates);
        progress(
                String.format(
                        Locale.ROOT,
                        "rl bench: base %s, targets %s, own templates %s%s",
                        baseManifest.version(),
                        String.join(",", trainSpec.templateNames()),
                        String.join(",", indistSpec.templateNames()),
                        seen.isEmpty()
                                ? " (the base's manifest names none: all but the targets)"
                                : ""));
        Path trainDir = RlData.ensure(work, trainSpec, threads, this::progress);
        Path testDir = RlData.ensure(work, testSpec, threads, this::progress);
        Path indistDir = RlData.ensure(work, indistSpec, threads, this::progress);

        Decoder decoder = new Decoder();
        Labeler labeler = new Labeler(TagSet.LAB_REPORT, decoder);
        DatasetLoader loader = new DatasetLoader(labeler);
        long loadStart = System.nanoTime();
        // Samples carry only what a reviewer verifies: the document, its values found among
        // the OCR words. The test sets' labels are never used (only their true documents).
        List<LabeledDocument> pool =
                RlData.load(loader, trainDir, DatasetLoader.Labels.VALUES, threads, this::progress);
        List<LabeledDocument> testDocs =
                RlData.load(loader, testDir, DatasetLoader.Labels.TAGS, threads, this::progress);
        List<LabeledDocument> indistDocs =
                RlData.load(loader, indistDir, DatasetLoader.Labels.TAGS, threads, this::progress);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        List<LabeledDocument> order = new ArrayList<>(pool);
        Collections.shuffle(order, new Random(seed));
        double alignedMean =
                pool.stream().mapToDouble(LabeledDocument::aligned).average().orElse(0);
        Scores ceiling = Scores.of(labelCeiling(decoder, testDocs));
        Scores indistCeiling = Scores.of(labelCeiling(decoder, indistDocs));
        progress(
                String.format(
                        Locale.ROOT,
                        "data: %d samples (values aligned %.3f), %d target test, %d in-distribution"
                                + " test reports; label ceiling F1 %.4f target, %.4f in-dist; %.0f s",
                        pool.size(),
                        alignedMean,
                        testDocs.size(),
                        indistDocs.size(),
                        ceiling.f1(),
                        indistCeiling.f1(),
                        loadSeconds));

        List<RunResult> runs = new ArrayList<>();
        Device device = Device.cpu();
        try (ModelArtifact.Loaded loaded = ModelArtifact.read(baseBytes, device)) {
            Tagger baseTagger = loaded.tagger();
            runs.add(
                    measure(
                            "base",
                            "base",
                            0,
                            0,
                            List.of(),
                            () -> new Trained(0, 0, 0),
                            baseTagger,
                            decoder,
                            testDocs,
                            indistDocs));
            for (int n : new TreeSet<>(curve)) {
                List<LabeledDocument> samples = order.subList(0, n);
                int sel = selectionSize(n);
                List<LabeledDocument> selection = samples.subList(0, sel);
                List<LabeledDocument> trainDocs = samples.subList(sel, n);
                boolean sftRun = methods.contains("sft");
                boolean chained = n == train && methods.contains("sft+rl");
                if (sftRun || chained) {
                    try (Tagger t = baseTagger.copy()) {
                        RunResult r =
                                measure(
                                        "sft-" + n,
                                        "sft",
                                        n,
                                        trainDocs.size(),
                                        selection,
                                        () -> sft(t, decoder, trainDocs, selection),
                                        t,
                                        decoder,
                                        testDocs,
                                        indistDocs);
                        if (sftRun) {
                            runs.add(r);
                        }
                        if (chained) {
                            // GRPO continues from the SFT model; its reference is that model.
                            RunResult chain =
                                    measure(
                                            "sft+rl-" + n,
                                            "sft+rl",
                                            n,
                                            trainDocs.size(),
                                            selection,
                                            () -> rl(grpo, t, decoder, trainDocs, selection),
                                            t,
                                            decoder,
                                            testDocs,
                                            indistDocs);
                            runs.add(withExtraSeconds(chain, r.trainSeconds()));
                        }
                    }
                }
                if (methods.contains("rl")) {
                    try (Tagger t = baseTagger.copy()) {
                        runs.add(
                                measure(
                                        "rl-" + n,
                                        "rl",
                                        n,
                                        trainDocs.size(),
                                        selection,
                                        () -> rl(grpo, t, decoder, trainDocs, selection),
                                        t,
                                        decoder,
                                        testDocs,
                                        indistDocs));
                    }
                }
            }
        }
        ObjectNode result =
                toJson(baseManifest, grpo, runs, ceiling, indistCeiling, alignedMean, indistSpec);
        result.put("load_seconds", Math.round(loadSeconds * 10) / 10.0);
        result.put("wall_seconds", Math.round((System.nanoTime() - benchStart) / 1e8) / 10.0);
        Path file =
                out != null
                        ? out
                        : work.resolve(
                                "rl-bench-" + baseManifest.version() + "-s" + seed + ".json");
        MAPPER.writeValue(file.toFile(), result);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(MAPPER.writeValueAsString(result));
        } else {
            stdout.print(table(runs, ceiling, indistCeiling));
            stdout.println("result: " + file);
        }
        stdout.flush();
        return 0;
    }

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static RunResult withExtraSeconds(RunResult r, double seconds) {
        return new RunResult(
                r.model(),
                r.method(),
                r.samples(),
                r.trainDocs(),
                r.selectionDocs(),
                r.target(),
                r.inDistribution(),
                r.trainSeconds() + seconds,
                r.evalSeconds(),
                r.best(),
                r.of(),
                r.heapPeakBytes(),
                r.rssBytes(),
                r.peakRssBytes());
    }

    private void validate() {
        if (train < 2 || test < 1 || indist < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--train must be >= 2 and --test, --indist >= 1; got "
                            + train
                            + ", "
                            + test
                            + ", "
                            + indist);
        }
        if (selectionFraction < 0 || selectionFraction >= 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--selection-fraction must be in [0, 1), got " + selectionFraction);
        }
        for (int n : curve) {
            if (n < 1 || n > train) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--curve: " + n + " is not within 1.." + train + " (--train)");
            }
            if (n - selectionSize(n) < 1) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--curve: " + n + " samples leave none to train on after the selection");
            }
        }
        if (!curve.contains(train)) {
            curve = new ArrayList<>(curve);
            curve.add(train);
        }
        Set<String> known = Set.of("sft", "rl", "sft+rl");
        for (String m : methods) {
            if (!known.contains(m)) {
                throw new ParameterException(
                        spec.commandLine(), "--methods: unknown '" + m + "' (sft, rl, sft+rl)");
            }
        }
        try {
            new SftConfig(sftEpochs, sftBatch, sftLearningRate, (int) seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    int selectionSize(int n) {
        if (selectionFraction == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.round(n * selectionFraction));
    }

    GrpoConfig grpoConfig() {
        GrpoConfig d = GrpoConfig.DEFAULT;
        try {
            return new GrpoConfig(
                    groupSize != null ? groupSize : d.groupSize(),
                    docsPerStep != null ? docsPerStep : d.docsPerStep(),
                    rlEpochs != null ? rlEpochs : d.epochs(),
                    innerEpochs != null ? innerEpochs : d.innerEpochs(),
                    rlLearningRate != null ? rlLearningRate : d.learningRate(),
                    d.clipLow(),
                    d.clipHigh(),
                    beta != null ? beta : d.beta(),
                    temperature != null ? temperature : d.temperature(),
                    d.maxGradNorm(),
                    d.skipZeroStdGroups(),
                    evalEvery != null ? evalEvery : d.evalEvery(),
                    seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The templates named in a model's training data (empty when its manifest names none). */
    static List<String> trainedTemplates(JsonNode training) {
        Set<String> names = new LinkedHashSet<>();
        if (training != null) {
            for (JsonNode source : training.path("data")) {
                for (JsonNode t : source.path("templates")) {
                    names.add(t.asText());
                }
            }
        }
        return List.copyOf(names);
    }

    /** Folder of the in-distribution set: the templates in it, so another base gets its own. */
    static String indistName(List<Template> templates) {
        List<String> names = new ArrayList<>(templates.stream().map(Template::name).toList());
        Collections.sort(names);
        return "indist-" + String.join("+", names);
    }

    /** What a training run reports: the epoch or step kept, and how many were run. */
    private record Trained(int best, int of, double seconds) {}

    @FunctionalInterface
    private interface Training {
        Trained run() throws Exception;
    }

    private Trained sft(
            Tagger t,
            Decoder decoder,
            List<LabeledDocument> trainDocs,
            List<LabeledDocument> selection) {
        SftConfig config = new SftConfig(sftEpochs, sftBatch, sftLearningRate, (int) seed);
        SftTrainer.Result r =
                new SftTrainer(config, decoder)
                        .train(t, trainDocs, selection, p -> progress("  sft " + sftLine(p)));
        return new Trained(r.bestEpoch(), sftEpochs, r.seconds());
    }

    private Trained rl(
            GrpoConfig config,
            Tagger policy,
            Decoder decoder,
            List<LabeledDocument> trainDocs,
            List<LabeledDocument> selection) {
        try (Tagger reference = policy.copy()) {
            GrpoTrainer.Result r =
                    new GrpoTrainer(config, FieldReward.BALANCED, decoder)
                            .train(policy, reference, trainDocs, selection, 0, new Progress());
            return new Trained(r.bestStep(), r.steps(), r.seconds());
        }
    }

    /** GRPO progress: a step line every few seconds and at the end, every selection score. */
    private final class Progress implements GrpoTrainer.Listener {
        private long last;

        @Override
        public void step(StepMetrics m) {
            long now = System.nanoTime();
            if (now - last > 10_000_000_000L || m.step() == m.totalSteps() || m.step() == 1) {
                last = now;
                progress("  rl " + m.line());
            }
        }

        @Override
        public void evaluated(int step, EvalReport selection, boolean best) {
            progress(
                    String.format(
                            Locale.ROOT,
                            "  rl step %d selection F1 %.4f%s",
                            step,
                            selection.f1(),
                            best ? " *" : ""));
        }
    }

    private RunResult measure(
            String name,
            String method,
            int samples,
            int trainDocs,
            List<LabeledDocument> selectionDocs,
            Training training,
            Tagger tagger,
            Decoder decoder,
            List<LabeledDocument> testDocs,
            List<LabeledDocument> indistDocs)
            throws Exception {
        int selection = selectionDocs.size();
        progress(
                String.format(
                        Locale.ROOT,
                        "run %s: %d samples (%d train, %d selection)",
                        name,
                        samples,
                        trainDocs,
                        selection));
        if (selection > 0) {
            progress(
                    String.format(
                            Locale.ROOT,
                            "  selection F1 before training %.4f",
                            Evaluator.evaluate(tagger, decoder, selectionDocs).f1()));
        }
        resetHeapPeaks();
        // SFT's dropout draws from the engine's generator: re-seed it so that a run does not
        // depend on which runs came before it in this process.
        Engine.getEngine(Tagger.ENGINE).setRandomSeed((int) seed);
        long start = System.nanoTime();
        Trained trained = training.run();
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        long evalStart = System.nanoTime();
        EvalReport target = Evaluator.evaluate(tagger, decoder, testDocs);
        EvalReport own = Evaluator.evaluate(tagger, decoder, indistDocs);
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        RunResult r =
                new RunResult(
                        name,
                        method,
                        samples,
                        trainDocs,
                        selection,
                        Scores.of(target),
                        Scores.of(own),
                        trainSeconds,
                        evalSeconds,
                        trained.best(),
                        trained.of(),
                        ProcessMemory.heapPeak(),
                        ProcessMemory.rss(),
                        ProcessMemory.peakRss());
        progress(
                String.format(
                        Locale.ROOT,
                        "run %s: target F1 %.4f (P %.4f R %.4f), in-dist F1 %.4f, train %.1f s,"
                                + " eval %.1f s, kept %d of %d, heap peak %d MB, RSS %d MB",
                        name,
                        r.target().f1(),
                        r.target().precision(),
                        r.target().recall(),
                        r.inDistribution().f1(),
                        trainSeconds,
                        evalSeconds,
                        trained.best(),
                        trained.of(),
                        r.heapPeakBytes() >> 20,
                        r.rssBytes() >> 20));
        return r;
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The gold labels of the OCR words decoded back: about the best a tagger can do. */
    static EvalReport labelCeiling(Decoder decoder, List<LabeledDocument> docs) {
        EvalReport report = new EvalReport();
        for (LabeledDocument d : docs) {
            List<TaggedPage> tagged = new ArrayList<>();
            for (LabeledPage p : d.pages()) {
                float[] ones = new float[p.labels().length];
                Arrays.fill(ones, 1f);
                tagged.add(new TaggedPage(p.layout(), p.labels(), ones));
            }
            report.add(d.style(), decoder.decode(tagged).document(), d.truth());
        }
        return report;
    }

    private ObjectNode toJson(
            ModelManifest baseManifest,
            GrpoConfig grpo,
            List<RunResult> runs,
            Scores ceiling,
            Scores indistCeiling,
            double alignedMean,
            RlData.Spec indistSpec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("bench", "rl");
        ObjectNode b = root.putObject("base");
        b.put("version", baseManifest.version());
        b.put("parameters_sha256", baseManifest.parametersSha256());
        b.put("file", base == null ? "default-model.zip (class path)" : base.toString());
        ObjectNode data = root.putObject("data");
        data.put("work", work.toString());
        data.putPOJO("targets", targets);
        data.putPOJO("own_templates", indistSpec.templateNames());
        data.put("samples", train);
        data.put("samples_seed", seed);
        data.put("target_test", test);
        data.put("target_test_seed", seed + 1);
        data.put("in_distribution_test", indist);
        data.put("in_distribution_seed", seed + 2);
        data.put("style", "scan");
        data.put("selection_fraction", selectionFraction);
        data.put("values_aligned", RunResult.round(alignedMean));
        ObjectNode c = root.putObject("label_ceiling");
        c.put("target_f1", ceiling.f1());
        c.put("in_distribution_f1", indistCeiling.f1());
        ObjectNode s = root.putObject("sft");
        s.put("epochs", sftEpochs);
        s.put("learning_rate", sftLearningRate);
        s.put("batch_pages", sftBatch);
        s.put("labels", "values");
        root.putPOJO("grpo", grpo);
        root.put("reward", "FieldReward(a=0.5)");
        ArrayNode list = root.putArray("runs");
        for (RunResult r : runs) {
            r.write(list.addObject());
        }
        ObjectNode m = root.putObject("machine");
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("load_average_end", ExtractBench.loadAverage());
        m.put("heap_max_bytes", ProcessMemory.heapMax());
        m.put("peak_rss_bytes", ProcessMemory.peakRss());
        return root;
    }

    static String table(List<RunResult> runs, Scores ceiling, Scores indistCeiling) {
        StringBuilder sb = new StringBuilder();
        double baseF1 = runs.get(0).target().f1();
        double baseOwn = runs.get(0).inDistribution().f1();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%-12s %4s %6s %6s %6s %7s %7s %7s %8s %7s %6s %7s %7s%n",
                        "model",
                        "n",
                        "F1",
                        "P",
                        "R",
                        "dF1",
                        "in-dist",
                        "d-in",
                        "train s",
                        "eval s",
                        "kept",
                        "heap MB",
                        "RSS MB"));
        for (RunResult r : runs) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%-12s %4d %6.4f %6.4f %6.4f %+7.4f %7.4f %+7.4f %8.1f %7.1f %6s %7d %7d%n",
                            r.model(),
                            r.samples(),
                            r.target().f1(),
                            r.target().precision(),
                            r.target().recall(),
                            r.target().f1() - baseF1,
                            r.inDistribution().f1(),
                            r.inDistribution().f1() - baseOwn,
                            r.trainSeconds(),
                            r.evalSeconds(),
                            r.of() == 0 ? "-" : r.best() + "/" + r.of(),
                            r.heapPeakBytes() >> 20,
                            r.rssBytes() >> 20));
        }
        sb.append(
                String.format(
                        Locale.ROOT,
                        "label ceiling (gold labels of the OCR words decoded back): target F1 %.4f,"
                                + " in-dist F1 %.4f%n",
                        ceiling.f1(),
                        indistCeiling.f1()));
        return sb.toString();
    }

    private static String sftLine(SftTrainer.Progress p) {
        String eval =
                p.heldOut() == null
                        ? "no selection set"
                        : String.format(Locale.ROOT, "selection F1 %.4f", p.heldOut().f1());
        return String.format(
                Locale.ROOT,
                "epoch %d/%d loss %.4f %s %.1f s%s",
                p.epoch(),
                p.epochs(),
                p.loss(),
                eval,
                p.seconds(),
                p.best() ? " *" : "");
    }

    private void progress(String line) {
        err.println(line);
        err.flush();
    }
}
