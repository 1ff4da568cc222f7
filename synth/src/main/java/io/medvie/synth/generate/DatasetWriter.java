package io.medvie.synth.generate;

import io.medvie.synth.layout.DatasetJson;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.Manifest;
import io.medvie.synth.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a whole dataset with a worker pool and writes it in the layout of docs/data-layout.md.
 * The manifest is written last, so a folder with a manifest is complete.
 */
public final class DatasetWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetWriter.class);
    public static final String GENERATOR = "medvie-synth 1";

    private final SynthOptions options;

    public DatasetWriter(SynthOptions options) {
        this.options = options;
    }

    /**
     * Runs the generation; {@code progress} is called with the number of reports done after each
     * one (from worker threads).
     */
    public Manifest run(IntConsumer progress) throws InterruptedException {
        Path out = options.out();
        if (Files.exists(out.resolve(DatasetReader.MANIFEST))) {
            throw new IllegalArgumentException(
                    "out "
                            + out
                            + " already holds a dataset (manifest.json); choose an empty folder");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create out folder " + out, e);
        }
        LOG.info(
                "synth run: {} reports, style {}, seed {}, {} templates, {} threads",
                options.count(),
                options.style().id(),
                options.seed(),
                options.templates().size(),
                options.threads());
        long start = System.nanoTime();
        ReportGenerator generator = new ReportGenerator(options);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        List<Future<Manifest.Entry>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < options.count(); i++) {
                int index = i;
                futures.add(
                        pool.submit(
                                () -> {
                                    GeneratedReport r;
                                    try {
                                        r = generator.generate(index);
                                        write(out, r);
                                    } catch (IOException | RuntimeException e) {
                                        // The id and seed are all it takes to make it again alone.
                                        throw new IllegalStateException(
                                                "report "
                                                        + ReportGenerator.reportId(index)
                                                        + " (run seed "
                                                        + options.seed()
                                                        + ") failed",
                                                e);
                                    }
                                    progress.accept(done.incrementAndGet());
                                    return r.entry();
                                }));
            }
            List<Manifest.Entry> entries = new ArrayList<>();
            for (Future<Manifest.Entry> f : futures) {
                entries.add(f.get());
            }
            List<String> names = new ArrayList<>();
            for (Template t : options.templates()) {
                names.add(t.name());
            }
            names.sort(String::compareTo);
            Manifest manifest =
                    new Manifest(
                            Manifest.FORMAT,
                            GENERATOR,
                            options.seed(),
                            options.style().id(),
                            names,
                            entries);
            Files.write(out.resolve(DatasetReader.MANIFEST), DatasetJson.pretty(manifest));
            LOG.info(
                    "synth done: {} reports, {} pages in {} ms",
                    entries.size(),
                    entries.stream().mapToInt(Manifest.Entry::pages).sum(),
                    (System.nanoTime() - start) / 1_000_000);
            return manifest;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest in " + out, e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void write(Path root, GeneratedReport r) throws IOException {
        Path dir = root.resolve(r.entry().dir());
        Files.createDirectories(dir);
        for (GeneratedReport.NamedFile f : r.files()) {
            Files.write(dir.resolve(f.name()), f.bytes());
        }
    }
}
