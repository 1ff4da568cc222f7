package io.medvie.trainer.sft;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.artifact.ModelManifest;
import io.medvie.model.dataset.DatasetLoader;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.Labeler;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TagSet;
import io.medvie.model.features.FeatureConfig;
import io.medvie.model.network.Tagger;
import io.medvie.model.network.TaggerConfig;
import io.medvie.schemas.json.DocumentSchemas;
import io.medvie.trainer.TrainingSet;
import java.io.PrintWriter;
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

/** {@code medvie train sft}: supervised training of the tagger on a dataset, to a model file. */
@Command(
        name = "sft",
        mixinStandardHelpOptions = true,
        description = {
            "Trains the extraction model on reports in the dataset layout (docs/data-layout.md)"
                    + " and writes a model artifact (docs/model.md).",
            "Prints per epoch: loss, held-out field F1; keeps the epoch with the best held-out F1.",
            "Same data, options and seed give the same parameters (at a fixed thread count)."
        })
public final class TrainSftCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--data",
            required = true,
            description = "Dataset folder; repeat to train on several.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--out", required = true, description = "Model file to write (.zip).")
    Path out;

    @Option(
            names = "--epochs",
            defaultValue = "30",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(
            names = "--heldout-fraction",
            defaultValue = "0.1",
            description =
                    "Share of reports kept out of training and scored each epoch (default: ${DEFAULT-VALUE}).")
    double heldoutFraction;

    @Option(
            names = "--words",
            defaultValue = "ocr",
            description =
                    "truth: the generator's words; ocr: the words the page reader gives, labelled by"
                            + " box overlap, cached as page-N.ocr.json (default: ${DEFAULT-VALUE}).")
    String words;

    @Option(
            names = "--labels",
            defaultValue = "tags",
            description =
                    "tags: the layout's word tags; values: only document.json, its values found among"
                            + " the OCR words, as for verified samples (default: ${DEFAULT-VALUE}).")
    String labels;

    @Option(
            names = "--batch",
            defaultValue = "8",
            description = "Pages per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--lr",
            defaultValue = "0.003",
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--threads", description = "OCR workers (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--version",
            description = "Model version in the manifest (default: sft-s<seed>).")
    String version;

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "cpu, gpu or auto (gpu when present) (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        DatasetLoader.Words w = parse(DatasetLoader.Words.class, words, "--words");
        DatasetLoader.Labels l = parse(DatasetLoader.Labels.class, labels, "--labels");
        if (l == DatasetLoader.Labels.VALUES && w == DatasetLoader.Words.TRUTH) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--labels values needs --words ocr (values are found among OCR words)");
        }
        if (heldoutFraction < 0 || heldoutFraction >= 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--heldout-fraction must be in [0, 1), got " + heldoutFraction);
        }
        SftConfig config;
        try {
            config = new SftConfig(epochs, batch, learningRate, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Decoder decoder = new Decoder();
        Labeler labeler = new Labeler(TagSet.LAB_REPORT, decoder);
        DatasetLoader loader = new DatasetLoader(labeler);
        TrainingSet set =
                TrainingSet.load(
                        data,
                        loader,
                        w,
                        l,
                        threads,
                        heldoutFraction,
                        seed,
                        line -> progress(err, line));
        ArrayNode sources = set.sources();
        List<LabeledDocument> heldOut = set.kept();
        List<LabeledDocument> train = set.train();
        if (train.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no reports left to train on");
        }
        double oracle = train.stream().mapToDouble(LabeledDocument::aligned).average().orElse(0);
        progress(
                err,
                String.format(
                        Locale.ROOT,
                        "train sft: %d train / %d held-out reports, words %s, labels %s, label recall %.3f, seed %d",
                        train.size(),
                        heldOut.size(),
                        w.name().toLowerCase(Locale.ROOT),
                        l.name().toLowerCase(Locale.ROOT),
                        oracle,
                        seed));
        Device d = device(device);
        try (Tagger tagger =
                Tagger.create(
                        TaggerConfig.DEFAULT, FeatureConfig.DEFAULT, TagSet.LAB_REPORT, d, seed)) {
            SftTrainer.Result result =
                    new SftTrainer(config, decoder)
                            .train(tagger, train, heldOut, p -> progress(err, line(p)));
            ObjectNode training = ModelArtifact.mapper().createObjectNode();
            training.put("method", "sft");
            training.set("data", sources);
            training.put("words", w.name().toLowerCase(Locale.ROOT));
            training.put("labels", l.name().toLowerCase(Locale.ROOT));
            training.put("train_reports", train.size());
            training.put("heldout_reports", heldOut.size());
            training.put("train_pages", result.trainPages());
            training.put("label_recall", oracle);
            training.put("epochs", epochs);
            training.put("best_epoch", result.bestEpoch());
            training.put("batch_pages", batch);
            training.put("learning_rate", learningRate);
            training.put("seconds", Math.round(result.seconds() * 10) / 10.0);
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (result.heldOut() != null) {
                metrics.put("heldout_f1", result.heldOut().total().f1());
                metrics.put("heldout_precision", result.heldOut().total().precision());
                metrics.put("heldout_recall", result.heldOut().total().recall());
            }
            ModelManifest manifest =
                    new ModelManifest(
                            ModelManifest.FORMAT,
                            version == null ? "sft-s" + seed : version,
                            null,
                            DocumentSchemas.LAB_REPORT,
                            DocumentSchemas.LAB_REPORT_VERSION,
                            TagSet.LAB_REPORT.labels(),
                            FeatureConfig.DEFAULT,
                            TaggerConfig.DEFAULT,
                            training,
                            seed,
                            metrics,
                            null,
                            Instant.now().toString());
            ModelArtifact.write(tagger, manifest, out);
            progress(
                    err,
                    String.format(
                            Locale.ROOT,
                            "train sft: wrote %s (best epoch %d, held-out F1 %.4f) in %.1f s",
                            out,
                            result.bestEpoch(),
                            result.bestF1(),
                            result.seconds()));
        }
        return 0;
    }

    static String line(SftTrainer.Progress p) {
        String eval =
                p.heldOut() == null
                        ? "no held-out set"
                        : String.format(
                                Locale.ROOT,
                                "held-out F1 %.4f (P %.4f R %.4f)",
                                p.heldOut().total().f1(),
                                p.heldOut().total().precision(),
                                p.heldOut().total().recall());
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

    private static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), option + ": unknown value '" + value + "'", e);
        }
    }

    private Device device(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> Device.gpu();
            case "auto" -> Tagger.defaultDevice();
            default ->
                    throw new ParameterException(
                            spec.commandLine(),
                            "--device: unknown value '" + name + "' (cpu, gpu, auto)");
        };
    }
}
