package io.medvie.synth;

import io.medvie.synth.generate.DatasetWriter;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.Manifest;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Template;
import io.medvie.synth.template.Templates;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code medvie synth}: writes a dataset of synthetic lab reports with word-level ground truth. */
@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description = {
            "Generates synthetic lab reports (document JSON, page images or PDF, words with boxes"
                    + " and field tags) in the layout of docs/data-layout.md.",
            "Same options and seed give byte-identical output."
        })
public final class SynthCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--count", required = true, description = "Number of reports.")
    int count;

    @Option(
            names = "--templates",
            split = ",",
            description = "Templates to use (default: all). Known: ${COMPLETION-CANDIDATES}",
            completionCandidates = TemplateNames.class)
    List<String> templates = new ArrayList<>();

    @Option(
            names = "--exclude-templates",
            split = ",",
            description = "Templates to leave out, e.g. to hold them out for evaluation.")
    List<String> excludeTemplates = new ArrayList<>();

    @Option(
            names = "--style",
            defaultValue = "clean",
            description = "clean, scan, photo or pdf (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            required = true,
            description = "Output folder; must not hold a dataset.")
    Path out;

    @Option(
            names = "--dpi",
            defaultValue = "0",
            description =
                    "Page image dpi; 0 = style default (clean 200, scan 150-300, photo ~110-170).")
    int dpi;

    @Option(
            names = "--scanned-pdf",
            description = "For scan and photo, also bundle the page images into report.pdf.")
    boolean scannedPdf;

    @Option(
            names = "--threads",
            description =
                    "Worker threads (default: number of cores). Output does not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws InterruptedException {
        SynthOptions options;
        try {
            List<Template> chosen = Templates.select(templates, excludeTemplates);
            options =
                    new SynthOptions(
                            count, chosen, Style.parse(style), seed, out, dpi, scannedPdf, threads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        long[] lastPrint = {start};
        DatasetWriter writer = new DatasetWriter(options);
        if (Files.exists(out.resolve(DatasetReader.MANIFEST))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--out "
                            + out
                            + " already holds a dataset (manifest.json); choose an empty folder");
        }
        Manifest manifest =
                writer.run(
                        done -> {
                            synchronized (lastPrint) {
                                long now = System.nanoTime();
                                if (done == count || now - lastPrint[0] > 1_000_000_000L) {
                                    lastPrint[0] = now;
                                    err.println(progress(done, count, now - start));
                                    err.flush();
                                }
                            }
                        });
        err.printf(
                Locale.ROOT,
                "synth: wrote %d reports (%d pages) to %s%n",
                manifest.reports().size(),
                manifest.reports().stream().mapToInt(Manifest.Entry::pages).sum(),
                out);
        err.flush();
        return 0;
    }

    static String progress(int done, int total, long nanos) {
        double s = nanos / 1e9;
        return String.format(
                Locale.ROOT,
                "synth: %d/%d reports, %.1f s, %.1f reports/s",
                done,
                total,
                s,
                s > 0 ? done / s : 0);
    }

    /** Template names for picocli's help text. */
    static final class TemplateNames extends ArrayList<String> {
        TemplateNames() {
            super(Templates.names());
        }
    }
}
