package io.medvie.bench.rl;

import io.medvie.model.dataset.DatasetLoader;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.synth.generate.DatasetWriter;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.Manifest;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The experiment's data sets in the work folder: made with the synth generator when missing, reused
 * otherwise (with their OCR cache), after checking that a folder holds what was asked for.
 */
public final class RlData {

    private RlData() {}

    /** One data set: a folder, how many reports, the seed and the templates. */
    public record Spec(String name, int count, long seed, List<Template> templates) {
        public List<String> templateNames() {
            return templates.stream().map(Template::name).toList();
        }
    }

    /**
     * Makes the set in {@code work/name} unless a dataset is already there; an existing one must
     * have the same seed, scan style, templates and count, or this fails naming the difference.
     */
    public static Path ensure(Path work, Spec spec, int threads, Consumer<String> progress)
            throws Exception {
        Path dir = work.resolve(spec.name());
        if (Files.exists(dir.resolve(DatasetReader.MANIFEST))) {
            Manifest m = DatasetReader.open(dir).manifest();
            String problem = mismatch(m, spec);
            if (problem != null) {
                throw new IllegalArgumentException(
                        dir
                                + " holds a different dataset ("
                                + problem
                                + "); delete it or choose another --work");
            }
            progress.accept(
                    String.format(
                            Locale.ROOT,
                            "data %s: reusing %d reports (seed %d)",
                            spec.name(),
                            spec.count(),
                            spec.seed()));
            return dir;
        }
        progress.accept(
                String.format(
                        Locale.ROOT,
                        "data %s: generating %d scan reports, seed %d, templates %s",
                        spec.name(),
                        spec.count(),
                        spec.seed(),
                        String.join(",", spec.templateNames())));
        new DatasetWriter(
                        new SynthOptions(
                                spec.count(),
                                spec.templates(),
                                Style.SCAN,
                                spec.seed(),
                                dir,
                                0,
                                false,
                                Math.max(1, threads)))
                .run(done -> {});
        return dir;
    }

    static String mismatch(Manifest m, Spec spec) {
        if (m.seed() != spec.seed()) {
            return "seed " + m.seed() + ", asked " + spec.seed();
        }
        if (!Style.SCAN.id().equals(m.style())) {
            return "style " + m.style() + ", asked scan";
        }
        if (!new TreeSet<>(m.templates()).equals(new TreeSet<>(spec.templateNames()))) {
            return "templates " + m.templates() + ", asked " + spec.templateNames();
        }
        if (m.reports().size() != spec.count()) {
            return m.reports().size() + " reports, asked " + spec.count();
        }
        return null;
    }

    /** Loads a set on the page reader's words (OCR, cached beside each page). */
    public static List<LabeledDocument> load(
            DatasetLoader loader,
            Path dir,
            DatasetLoader.Labels labels,
            int threads,
            Consumer<String> progress)
            throws Exception {
        String name = dir.getFileName().toString();
        return loader.load(
                dir,
                DatasetLoader.Words.OCR,
                labels,
                threads,
                line -> progress.accept(name + ": " + line));
    }
}
