package io.medvie.model.dataset;

import io.medvie.ocr.OcrPool;
import io.medvie.ocr.Page;
import io.medvie.ocr.PageReader;
import io.medvie.ocr.TesseractOcr;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.LabeledReport;
import io.medvie.synth.layout.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a folder in the dataset layout (docs/data-layout.md) as labelled documents for training and
 * evaluation.
 */
public final class DatasetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);

    /** Which words the model is trained on. */
    public enum Words {
        /** The generator's ground-truth words (fast, exact; not what OCR gives at inference). */
        TRUTH,
        /** The words the page reader gives (cached per page), labelled by box overlap. */
        OCR
    }

    /** Where the labels come from. */
    public enum Labels {
        /** The word tags of the dataset layout. */
        TAGS,
        /** The document's values found among the OCR words (verified samples: no word labels). */
        VALUES
    }

    private final Labeler labeler;

    public DatasetLoader(Labeler labeler) {
        this.labeler = labeler;
    }

    /**
     * @param threads OCR workers (when OCR is needed)
     * @param progress receives a line now and then
     */
    public List<LabeledDocument> load(
            Path dir, Words words, Labels labels, int threads, Consumer<String> progress)
            throws Exception {
        DatasetReader reader = DatasetReader.open(dir);
        List<Manifest.Entry> entries = reader.manifest().reports();
        List<LabeledDocument> out = new ArrayList<>(entries.size());
        if (words == Words.TRUTH && labels == Labels.TAGS) {
            for (Manifest.Entry e : entries) {
                out.add(labeler.truthWords(reader.read(e)));
            }
            return out;
        }
        PageReader pageReader = new PageReader();
        try (OcrPool pool = new OcrPool(Math.max(1, threads), TesseractOcr::create)) {
            List<CompletableFuture<List<Page>>> pages = new ArrayList<>();
            List<LabeledReport> reports = new ArrayList<>();
            for (Manifest.Entry e : entries) {
                LabeledReport r = reader.read(e);
                reports.add(r);
                pages.add(pool.submit(ocr -> ReportPages.read(r, pageReader, ocr, true)));
            }
            long start = System.nanoTime();
            long last = start;
            for (int i = 0; i < reports.size(); i++) {
                LabeledReport r = reports.get(i);
                List<Page> p;
                try {
                    p = pages.get(i).get();
                } catch (ExecutionException ex) {
                    LOG.warn(
                            "report {}: pages unreadable, left out: {}",
                            r.id(),
                            ex.getCause().toString());
                    continue;
                }
                out.add(
                        labels == Labels.TAGS
                                ? labeler.ocrWords(r, p)
                                : labeler.verified(r.id(), r.meta().style(), p, r.document()));
                long now = System.nanoTime();
                if (now - last > 5_000_000_000L || i == reports.size() - 1) {
                    last = now;
                    progress.accept(
                            String.format(
                                    Locale.ROOT,
                                    "read %d/%d reports (OCR, cached in page-N.ocr.json) %.0f s",
                                    i + 1,
                                    reports.size(),
                                    (now - start) / 1e9));
                }
            }
        }
        return out;
    }
}
