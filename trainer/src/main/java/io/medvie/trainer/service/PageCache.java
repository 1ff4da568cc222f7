package io.medvie.trainer.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.model.dataset.ReportPages;
import io.medvie.ocr.OcrWord;
import io.medvie.ocr.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages a blob read as, one file per blob under {@code <dataDir>/ocr/<ab>/<sha256>.json}: the
 * page reader's version, and per page its size, dpi, source, rotation, skew and words with boxes
 * and confidences. Blobs are content-addressed, so a sha256 always reads the same; a restarted
 * trainer rebuilds its pool from this cache instead of running Tesseract again. A file of another
 * reader version ({@link ReportPages#READER}) is ignored and rewritten.
 */
final class PageCache {
    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    record CachedPages(String reader, List<CachedPage> pages) {}

    record CachedPage(
            int index,
            int width,
            int height,
            int dpi,
            String source,
            int rotation,
            double skew,
            List<CachedWord> words) {}

    record CachedWord(String t, int x, int y, int w, int h, float c) {}

    private final Path dir;

    PageCache(Path dir) {
        this.dir = dir;
    }

    Path file(String sha256) {
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256 + ".json");
    }

    /** The cached pages of a blob, or null when there is no current cache. */
    List<Page> get(String sha256) throws IOException {
        Path f = file(sha256);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        CachedPages c;
        try {
            c = MAPPER.readValue(f.toFile(), CachedPages.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return null; // unreadable: read the blob again and rewrite it
        }
        if (c == null || !ReportPages.READER.equals(c.reader()) || c.pages() == null) {
            return null;
        }
        List<Page> pages = new ArrayList<>(c.pages().size());
        for (CachedPage p : c.pages()) {
            List<OcrWord> words = new ArrayList<>(p.words().size());
            for (CachedWord w : p.words()) {
                words.add(new OcrWord(w.t(), w.x(), w.y(), w.w(), w.h(), w.c()));
            }
            pages.add(
                    new Page(
                            p.index(),
                            p.width(),
                            p.height(),
                            p.dpi(),
                            words,
                            Page.Source.valueOf(p.source()),
                            p.rotation(),
                            p.skew(),
                            new Page.Timings(0, 0, 0, 0)));
        }
        return pages;
    }

    void put(String sha256, List<Page> pages) throws IOException {
        List<CachedPage> out = new ArrayList<>(pages.size());
        for (Page p : pages) {
            List<CachedWord> words = new ArrayList<>(p.words().size());
            for (OcrWord w : p.words()) {
                words.add(
                        new CachedWord(
                                w.text(), w.x(), w.y(), w.width(), w.height(), w.confidence()));
            }
            out.add(
                    new CachedPage(
                            p.index(),
                            p.width(),
                            p.height(),
                            p.dpi(),
                            p.source().name(),
                            p.rotation(),
                            p.skewDegrees(),
                            words));
        }
        Path f = file(sha256);
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.write(tmp, MAPPER.writeValueAsBytes(new CachedPages(ReportPages.READER, out)));
        // Write then rename: a killed trainer never leaves half a cache behind.
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
