package io.medvie.extractor.pipeline;

import ai.djl.Device;
import io.medvie.model.artifact.DefaultModel;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.artifact.ModelManifest;
import io.medvie.model.decode.DecodedDocument;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TaggedPage;
import io.medvie.model.features.PageFeatures;
import io.medvie.model.features.PageLayout;
import io.medvie.model.network.Tagger;
import io.medvie.model.network.TaggerPredictor;
import io.medvie.ocr.Page;
import io.medvie.ocr.PageReadException;
import io.medvie.ocr.PageReader;
import io.medvie.ocr.TesseractOcr;
import java.util.ArrayList;
import java.util.List;

/**
 * From a file to a validated lab-report document: read the pages (PDF text or OCR), featurize, tag,
 * decode, validate.
 *
 * <p>Thread-safety: one {@code Extraction} serves all threads; each thread brings its own {@link
 * Worker} (its Tesseract engine and model predictor), as OCR engines and predictors are not
 * thread-safe.
 */
public final class Extraction implements AutoCloseable {

    /** Where the time of one extraction went, in milliseconds. */
    public record Timings(long readMillis, long modelMillis, long decodeMillis) {
        public long totalMillis() {
            return readMillis + modelMillis + decodeMillis;
        }
    }

    /**
     * One extraction.
     *
     * @param decoded the document, its fields with confidences and boxes, and its violations
     * @param pages the pages as read
     * @param modelVersion the model's version
     */
    public record Result(
            DecodedDocument decoded, List<Page> pages, String modelVersion, Timings timings) {}

    /** A thread's tools: its OCR engine and its predictor. Not thread-safe; close when done. */
    public final class Worker implements AutoCloseable {
        private final TesseractOcr ocr;
        private final TaggerPredictor predictor;

        private Worker(TesseractOcr ocr) {
            this.ocr = ocr;
            this.predictor = tagger.newPredictor();
        }

        public Result extract(byte[] bytes, String mediaType) throws PageReadException {
            long start = System.nanoTime();
            List<Page> pages = reader.read(bytes, mediaType, ocr);
            long read = millisSince(start);
            return extractPages(pages, read);
        }

        /** Extraction of pages already read (e.g. from an OCR cache). */
        public Result extract(List<Page> pages) {
            return extractPages(pages, 0);
        }

        private Result extractPages(List<Page> pages, long readMillis) {
            long start = System.nanoTime();
            List<PageFeatures> features = new ArrayList<>(pages.size());
            for (Page p : pages) {
                features.add(tagger.featurizer().features(PageLayout.of(p)));
            }
            List<TaggedPage> tagged = predictor.predict(features);
            long model = millisSince(start);
            start = System.nanoTime();
            DecodedDocument decoded = decoder.decode(tagged);
            long decode = millisSince(start);
            return new Result(
                    decoded, pages, manifest.version(), new Timings(readMillis, model, decode));
        }

        @Override
        public void close() {
            predictor.close();
            if (ocr != null) {
                ocr.close();
            }
        }
    }

    private final PageReader reader;
    private final ModelManifest manifest;
    private final Tagger tagger;
    private final Decoder decoder;

    public Extraction(PageReader reader, ModelArtifact.Loaded model, Decoder decoder) {
        this.reader = reader;
        this.manifest = model.manifest();
        this.tagger = model.tagger();
        this.decoder = decoder;
    }

    /** An extraction with the default page reader and a model artifact's bytes. */
    public static Extraction of(byte[] artifact, Device device) {
        return new Extraction(
                new PageReader(), ModelArtifact.read(artifact, device), new Decoder());
    }

    /** An extraction with the model shipped with the project. */
    public static Extraction withDefaultModel(Device device) {
        return of(DefaultModel.bytes(), device);
    }

    /** A worker for the calling thread with a new Tesseract engine. */
    public Worker newWorker() {
        return new Worker(TesseractOcr.create());
    }

    /** A worker that only extracts pages already read (no OCR engine). */
    public Worker newPagesWorker() {
        return new Worker(null);
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Tagger tagger() {
        return tagger;
    }

    public PageReader reader() {
        return reader;
    }

    static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        tagger.close();
    }
}
