package io.medvie.synth.layout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One whitespace-separated token as drawn on a page, with its ink box in the page's coordinates
 * (pixels of the page image; PDF points from the top-left corner for born-digital PDFs).
 *
 * @param row index into the document's tests[] for {@code test.*} tags, null otherwise
 */
@JsonPropertyOrder({"text", "x", "y", "w", "h", "tag", "row"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Word(String text, double x, double y, double w, double h, String tag, Integer row) {

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }
}
