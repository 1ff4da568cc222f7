package io.medvie.trainer.service;

import io.medvie.model.dataset.PageJson;
import io.medvie.model.dataset.ReportPages;
import io.medvie.ocr.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pages a blob read as, one file per blob under {@code <dataDir>/ocr/<ab>/<sha256>.json}: the
 * page reader's version, and per page its size, dpi, source, rotation, skew and words with boxes
 * and confidences. Blobs are content-addressed, so a sha256 always reads the same; a restarted
 * trainer rebuilds its pool from this cache instead of running Tesseract again. A file of another
 * reader version ({@link ReportPages#READER}) is ignored and rewritten.
 */
final class PageCache {
    record CachedPages(String reader, List<PageJson.Stored> pages) {}

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
            c = PageJson.MAPPER.readValue(f.toFile(), CachedPages.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return null; // unreadable: read the blob again and rewrite it
        }
        if (c == null || !ReportPages.READER.equals(c.reader()) || c.pages() == null) {
            return null;
        }
        return c.pages().stream().map(PageJson.Stored::page).toList();
    }

    void put(String sha256, List<Page> pages) throws IOException {
        Path f = file(sha256);
        Files.createDirectories(f.getParent());
        // Write then rename: a killed trainer never leaves half a cache behind.
        PageJson.write(
                f,
                new CachedPages(
                        ReportPages.READER,
                        pages.stream().map(p -> PageJson.Stored.of(null, p)).toList()));
    }
}
