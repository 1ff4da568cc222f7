package io.medvie.model.features;

/**
 * One word placed on its page, in reading order: what the model tags.
 *
 * @param text the word as read
 * @param page 0-based page index
 * @param x left of the word's box on the page as read (pixels), the box a reviewer sees
 * @param y top of the box
 * @param width box width
 * @param height box height
 * @param layoutX left of the box with the page's skew taken out, for layout features
 * @param layoutY top of the deskewed box
 * @param line 0-based line index on the page (lines grouped by vertical overlap)
 * @param indexInLine 0-based position of the word in its line, left to right
 * @param confidence the reader's confidence in the word, 0..1 (1 for PDF text and ground truth)
 */
public record LayoutToken(
        String text,
        int page,
        double x,
        double y,
        double width,
        double height,
        double layoutX,
        double layoutY,
        int line,
        int indexInLine,
        float confidence) {

    public double right() {
        return layoutX + width;
    }

    public double bottom() {
        return layoutY + height;
    }

    public double centerY() {
        return layoutY + height / 2;
    }
}
