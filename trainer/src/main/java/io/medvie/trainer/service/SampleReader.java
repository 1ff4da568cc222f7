package io.medvie.trainer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.blobstore.BlobStore;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.Labeler;
import io.medvie.ocr.OcrPool;
import io.medvie.ocr.Page;
import io.medvie.ocr.PageReader;
import io.medvie.schemas.json.DocumentSchemas;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Makes a training sample of a verified one: the report's bytes from the blob store, read into
 * pages (OCR or PDF text, on the OCR pool; cached per blob sha256), then labelled from the verified
 * document alone ({@link Labeler#verified}).
 */
final class SampleReader {

    /** A sample that can never be used, whatever the retries: it goes to the DLQ. */
    static final class BadSample extends Exception {
        private static final long serialVersionUID = 1L;

        BadSample(String message) {
            super(message);
        }
    }

    private final BlobStore blobs;
    private final PageCache cache;
    private final OcrPool pool;
    private final PageReader reader;
    private final Labeler labeler;
    private final HeldOutSplit split;
    private final long maxBytes;
    private final DocumentSchemas schemas = new DocumentSchemas();

    SampleReader(
            BlobStore blobs,
            PageCache cache,
            OcrPool pool,
            PageReader reader,
            Labeler labeler,
            HeldOutSplit split,
            long maxBytes) {
        this.blobs = blobs;
        this.cache = cache;
        this.pool = pool;
        this.reader = reader;
        this.labeler = labeler;
        this.split = split;
        this.maxBytes = maxBytes;
    }

    /**
     * The blob's pages: from the cache, else its bytes read on the OCR pool (and then cached).
     * Throws {@link io.medvie.blobstore.BlobNotFoundException} or {@link BadSample} for a bad
     * sample, another {@link IOException} when the store is unavailable.
     */
    CompletableFuture<List<Page>> pages(String blobUri, String mediaType)
            throws IOException, BadSample {
        String sha;
        try {
            sha = BlobStore.sha256Of(blobUri);
        } catch (IllegalArgumentException e) {
            throw new BadSample(e.getMessage());
        }
        List<Page> cached = cache.get(sha);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        byte[] bytes = blobs.read(blobUri);
        if (bytes.length > maxBytes) {
            throw new BadSample(
                    "report is " + bytes.length + " bytes, over the limit of " + maxBytes);
        }
        return pool.read(reader, bytes, mediaType)
                .thenApply(
                        pages -> {
                            try {
                                cache.put(sha, pages);
                            } catch (IOException e) {
                                // Only costs a second OCR after a restart.
                                throw new java.io.UncheckedIOException(e);
                            }
                            return pages;
                        });
    }

    /** The verified document, parsed and validated against its schema. */
    JsonNode verifiedDocument(String docType, String json) throws BadSample {
        JsonNode doc;
        try {
            doc = SamplePool.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadSample("verified document is not JSON: " + e.getOriginalMessage());
        }
        if (doc == null || !doc.isObject()) {
            throw new BadSample("verified document is not a JSON object");
        }
        List<String> violations =
                schemas.validate(docType, DocumentSchemas.LAB_REPORT_VERSION, doc);
        if (!violations.isEmpty()) {
            // Paths and rules only: the violations never quote values.
            throw new BadSample(
                    "verified document violates "
                            + docType
                            + " v"
                            + DocumentSchemas.LAB_REPORT_VERSION
                            + ": "
                            + violations.size()
                            + " violations, first at "
                            + violations.get(0).split(":", 2)[0]);
        }
        return doc;
    }

    /** Labels a new sample; its side of the split is decided here, once. */
    SamplePool.Sample label(
            String reportId, String blobUri, String mediaType, JsonNode doc, List<Page> pages)
            throws BadSample {
        return label(reportId, blobUri, mediaType, doc, pages, split.heldOut(reportId));
    }

    private SamplePool.Sample label(
            String reportId,
            String blobUri,
            String mediaType,
            JsonNode doc,
            List<Page> pages,
            boolean heldOut)
            throws BadSample {
        String style = "application/pdf".equals(mediaType) ? "pdf" : "image";
        LabeledDocument labelled;
        try {
            labelled = labeler.verified(reportId, style, pages, doc);
        } catch (RuntimeException e) {
            throw new BadSample("labelling failed: " + e.getClass().getSimpleName());
        }
        if (!(labelled.aligned() > 0)) {
            throw new BadSample("none of the verified values was found among the words read");
        }
        return new SamplePool.Sample(reportId, blobUri, mediaType, heldOut, doc, labelled);
    }

    /**
     * Restores a persisted sample: pages from the cache (or read again), labelled again. It keeps
     * the side it was given when pooled, even if the held-out share was changed since: a held-out
     * sample is never trained on.
     */
    SamplePool.Sample restore(
            String reportId, String blobUri, String mediaType, boolean heldOut, JsonNode doc)
            throws Exception {
        List<Page> pages = pages(blobUri, mediaType).get();
        return label(reportId, blobUri, mediaType, doc, pages, heldOut);
    }
}
