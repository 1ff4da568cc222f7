package io.medvie.synth.layout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The contents of a report folder's {@code meta.json}: how the report was made and which files hold
 * it. File names are relative to the report folder.
 *
 * @param style one of clean, scan, photo, pdf (other tools may use their own names)
 * @param seed the seed this report was generated from (its own, derived from the run seed)
 * @param dpi pixels per inch of the page images (effective, for photos); 72 for pdf
 * @param coordinates {@code image-pixels} or {@code pdf-points}: the unit of the word boxes
 * @param pdf the PDF file (born-digital for style pdf, page images for a scanned PDF) or null
 */
@JsonPropertyOrder({
    "id",
    "template",
    "style",
    "seed",
    "dpi",
    "coordinates",
    "page_count",
    "document",
    "pdf",
    "pages"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportMeta(
        String id,
        String template,
        String style,
        long seed,
        double dpi,
        String coordinates,
        @JsonProperty("page_count") int pageCount,
        String document,
        String pdf,
        List<PageFiles> pages) {

    public static final String IMAGE_PIXELS = "image-pixels";
    public static final String PDF_POINTS = "pdf-points";

    /**
     * @param image the page image file, null when the report has only a born-digital PDF
     * @param words the page's words file
     */
    @JsonPropertyOrder({"page", "image", "words"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageFiles(int page, String image, String words) {}
}
