package io.medvie.model.dataset;

import io.medvie.ocr.Page;
import io.medvie.ocr.PageReadException;
import io.medvie.ocr.PageReader;
import io.medvie.ocr.TesseractOcr;
import io.medvie.synth.layout.LabeledReport;
import io.medvie.synth.layout.ReportMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset report's pages as the extractor reads them (PDFBox text or Tesseract), with a cache.
 *
 * <p>The cache is one file per page in the report folder, {@code page-N.ocr.json} (N 1-based): the
 * reader's version, the page size, dpi, rotation and skew, and every word with its box and
 * confidence. It holds exactly what {@link PageReader} returned, so reading the cache gives the
 * same words as reading the files again, in milliseconds instead of about a second per page. A
 * cache written by another reader version ({@link #READER}) is ignored and rewritten.
 *
 * <p>What is read: the page images when the report has them ({@code page-N.png} etc.), else its PDF
 * (born-digital for the pdf style).
 */
public final class ReportPages {
    private static final Logger LOG = LoggerFactory.getLogger(ReportPages.class);

    /** Bump when {@code PageReader}'s output for the same file changes. */
    public static final String READER = "medvie-ocr/1";

    private ReportPages() {}

    public static Path cacheFile(LabeledReport report, int pageIndex) {
        return report.dir().resolve("page-" + (pageIndex + 1) + ".ocr.json");
    }

    /**
     * The report's pages: from the cache when every page has a current one, else read (and the
     * cache written when {@code writeCache}).
     */
    public static List<Page> read(
            LabeledReport report, PageReader reader, TesseractOcr ocr, boolean writeCache)
            throws IOException, PageReadException {
        List<Page> cached = cached(report);
        if (cached != null) {
            return cached;
        }
        List<Page> pages = readFiles(report, reader, ocr);
        if (writeCache) {
            try {
                for (Page p : pages) {
                    write(cacheFile(report, p.index()), p);
                }
            } catch (IOException e) {
                // A read-only dataset still evaluates; it is only read again next time.
                LOG.warn("report {}: OCR cache not written: {}", report.id(), e.toString());
            }
        }
        return pages;
    }

    /** The cached pages, or null when a page has no current cache. */
    public static List<Page> cached(LabeledReport report) throws IOException {
        int count = report.meta().pageCount();
        List<Page> pages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path file = cacheFile(report, i);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            PageJson.Stored c = PageJson.MAPPER.readValue(file.toFile(), PageJson.Stored.class);
            if (!READER.equals(c.reader()) || c.words() == null) {
                return null;
            }
            pages.add(reindex(c.page(), i));
        }
        return pages;
    }

    /** Reads the report's files with the page reader, page images first, else the PDF. */
    public static List<Page> readFiles(LabeledReport report, PageReader reader, TesseractOcr ocr)
            throws IOException, PageReadException {
        ReportMeta meta = report.meta();
        List<Page> pages = new ArrayList<>();
        boolean images = meta.pages().stream().allMatch(p -> p.image() != null);
        if (images) {
            for (int i = 0; i < meta.pages().size(); i++) {
                Path file = report.dir().resolve(meta.pages().get(i).image());
                for (Page p : reader.read(Files.readAllBytes(file), mediaType(file), ocr)) {
                    pages.add(reindex(p, pages.size()));
                }
            }
        } else if (report.pdfPath() != null) {
            pages.addAll(reader.read(Files.readAllBytes(report.pdfPath()), "application/pdf", ocr));
        } else {
            throw new IOException(report.dir() + ": neither page images nor a PDF to read");
        }
        return pages;
    }

    /** The files to read for a report, for the extractor: images when present, else the PDF. */
    public static List<Path> files(LabeledReport report) {
        ReportMeta meta = report.meta();
        if (meta.pages().stream().allMatch(p -> p.image() != null)) {
            return meta.pages().stream().map(p -> report.dir().resolve(p.image())).toList();
        }
        return report.pdfPath() == null ? List.of() : List.of(report.pdfPath());
    }

    public static String mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return "image/tiff";
        }
        return null;
    }

    static Page reindex(Page p, int index) {
        return new Page(
                index,
                p.width(),
                p.height(),
                p.dpi(),
                p.words(),
                p.source(),
                p.rotation(),
                p.skewDegrees(),
                p.timings());
    }

    private static void write(Path file, Page p) throws IOException {
        PageJson.write(file, PageJson.Stored.of(READER, p));
    }
}
