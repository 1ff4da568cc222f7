package io.medvie.extractor.service;

import io.medvie.events.Box;
import io.medvie.events.ExtractedField;
import io.medvie.extractor.models.ModelSlot;
import io.medvie.extractor.pipeline.Extraction;
import io.medvie.model.decode.DecodedDocument;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TaggedPage;
import io.medvie.model.features.PageFeatures;
import io.medvie.model.features.PageLayout;
import io.medvie.model.network.TaggerPredictor;
import io.medvie.ocr.OcrPool;
import io.medvie.ocr.Page;
import io.medvie.ocr.PageReadException;
import io.medvie.ocr.PageReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The extraction pipeline behind the service: pages of every report of a batch are read on the OCR
 * worker pool at once; then the model tags all pages of the batch in one batched inference; then
 * each report is decoded and validated.
 *
 * <p>The batch keeps the model it started with ({@link ModelSlot#acquire()}), so a model swapped in
 * meanwhile serves from the next batch on.
 */
public final class PipelineReportExtractor implements ReportExtractor {
    private final OcrPool pool;
    private final PageReader reader;
    private final ModelSlot<Extraction> slot;
    private final Decoder decoder = new Decoder();

    public PipelineReportExtractor(OcrPool pool, PageReader reader, ModelSlot<Extraction> slot) {
        this.pool = pool;
        this.reader = reader;
        this.slot = slot;
    }

    @Override
    public String modelVersion() {
        return slot.version();
    }

    @Override
    public List<Outcome> extract(List<Job> jobs) throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<List<Page>>> reads = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            reads.add(pool.read(reader, job.bytes(), job.report().getMediaType()));
        }
        List<Object> pagesOrError = new ArrayList<>(jobs.size());
        for (CompletableFuture<List<Page>> read : reads) {
            try {
                pagesOrError.add(read.get());
            } catch (ExecutionException e) {
                Throwable cause =
                        e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
                if (cause instanceof PageReadException bad) {
                    pagesOrError.add(bad);
                } else if (cause instanceof Exception other) {
                    throw other;
                } else {
                    throw e;
                }
            }
        }
        long readMillis = millisSince(start);

        try (ModelSlot.Handle<Extraction> model = slot.acquire()) {
            if (model == null) {
                throw new IllegalStateException("no model loaded yet");
            }
            Extraction extraction = model.model();
            start = System.nanoTime();
            List<PageFeatures> features = new ArrayList<>();
            for (int i = 0; i < pagesOrError.size(); i++) {
                if (pagesOrError.get(i) instanceof List<?> pages) {
                    // A document that breaks layout or features is that report's fault: it goes
                    // to the DLQ instead of failing, and so stalling, the whole batch forever.
                    try {
                        List<PageFeatures> own = new ArrayList<>(pages.size());
                        for (Object page : pages) {
                            own.add(
                                    extraction
                                            .tagger()
                                            .featurizer()
                                            .features(PageLayout.of((Page) page)));
                        }
                        features.addAll(own);
                    } catch (RuntimeException e) {
                        pagesOrError.set(i, e);
                    }
                }
            }
            List<TaggedPage> tagged;
            try (TaggerPredictor predictor = extraction.tagger().newPredictor()) {
                tagged = features.isEmpty() ? List.of() : predictor.predict(features);
            }
            long modelMillis = millisSince(start);

            List<Outcome> outcomes = new ArrayList<>(jobs.size());
            int next = 0;
            for (Object o : pagesOrError) {
                if (o instanceof Exception bad) {
                    outcomes.add(new Unreadable(bad));
                    continue;
                }
                int n = ((List<?>) o).size();
                long decodeStart = System.nanoTime();
                DecodedDocument doc;
                try {
                    doc = decoder.decode(tagged.subList(next, next + n));
                } catch (RuntimeException e) {
                    outcomes.add(new Unreadable(e));
                    continue;
                } finally {
                    next += n;
                }
                Map<String, Long> timings = new LinkedHashMap<>();
                // Read and model time are the batch's, shared by its reports.
                timings.put("read", readMillis);
                timings.put("model", modelMillis);
                timings.put("decode", millisSince(decodeStart));
                outcomes.add(
                        new Extracted(
                                model.version(),
                                extraction.manifest().schemaVersion(),
                                doc.document().toString(),
                                fields(doc),
                                doc.violations(),
                                timings));
            }
            return outcomes;
        }
    }

    private static List<ExtractedField> fields(DecodedDocument doc) {
        List<ExtractedField> out = new ArrayList<>(doc.fields().size());
        for (io.medvie.model.decode.ExtractedField f : doc.fields()) {
            double[] b = f.box();
            out.add(
                    ExtractedField.newBuilder()
                            .setPath(f.path())
                            .setValue(f.value())
                            .setConfidence((float) f.confidence())
                            .setPage(f.page())
                            .setBox(
                                    b == null
                                            ? null
                                            : new Box(
                                                    (float) b[0],
                                                    (float) b[1],
                                                    (float) b[2],
                                                    (float) b[3]))
                            .build());
        }
        return out;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
