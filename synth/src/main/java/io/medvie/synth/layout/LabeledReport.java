package io.medvie.synth.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One report folder, read: its meta, the lab-report document and the words of every page.
 *
 * @param dir the report folder
 */
public record LabeledReport(Path dir, ReportMeta meta, JsonNode document, List<PageWords> pages) {

    public String id() {
        return meta.id();
    }

    /** The image file of a page (1-based), or null when the report has only a born-digital PDF. */
    public Path imagePath(int page) {
        String image = meta.pages().get(page - 1).image();
        return image == null ? null : dir.resolve(image);
    }

    /** The PDF of the report, or null when there is none. */
    public Path pdfPath() {
        return meta.pdf() == null ? null : dir.resolve(meta.pdf());
    }

    /**
     * The one file a person would submit for this report: its PDF (born-digital, or the scanned
     * pages with {@code --scanned-pdf}) when it has one, else its first page's image.
     */
    public Path submissionFile() {
        Path pdf = pdfPath();
        return pdf != null && Files.exists(pdf) ? pdf : imagePath(1);
    }
}
