package io.medvie.trainer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.dataset.DatasetLoader;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Reports for an offline training command ({@code train sft}, {@code train rl}): loaded from
 * dataset folders, described for the model's manifest, and split once by seed into the part trained
 * on and the part kept out (held-out or selection).
 *
 * @param sources one object per folder (path, generator, seed, style, templates, reports), as the
 *     manifest's {@code training.data} records it
 * @param kept the reports kept out of training
 */
public record TrainingSet(
        ArrayNode sources, List<LabeledDocument> train, List<LabeledDocument> kept) {

    /**
     * Loads every folder, shuffles the reports with {@code Random(seed)} and keeps the first {@code
     * round(n * keptFraction)} (at least one when the fraction is above 0) out of training.
     */
    public static TrainingSet load(
            List<Path> dirs,
            DatasetLoader loader,
            DatasetLoader.Words words,
            DatasetLoader.Labels labels,
            int threads,
            double keptFraction,
            long seed,
            Consumer<String> progress)
            throws Exception {
        List<LabeledDocument> docs = new ArrayList<>();
        ArrayNode sources = ModelArtifact.mapper().createArrayNode();
        for (Path dir : dirs) {
            Manifest m = DatasetReader.open(dir).manifest();
            ObjectNode s = sources.addObject();
            s.put("path", dir.toString());
            s.put("generator", m.generator());
            s.put("seed", m.seed());
            s.put("style", m.style());
            s.putPOJO("templates", m.templates());
            s.put("reports", m.reports().size());
            docs.addAll(loader.load(dir, words, labels, threads, progress));
        }
        List<LabeledDocument> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(seed));
        int kept =
                keptFraction == 0
                        ? 0
                        : Math.max(1, (int) Math.round(shuffled.size() * keptFraction));
        return new TrainingSet(
                sources, shuffled.subList(kept, shuffled.size()), shuffled.subList(0, kept));
    }
}
