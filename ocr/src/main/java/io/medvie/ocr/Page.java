package io.medvie.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * One page read into words.
 *
 * <p>Coordinates: pixels of the upright page image at {@code dpi}, origin top-left. For an image
 * input that is the image as stored (turned by {@code rotation} when it was sideways or upside
 * down); for a PDF page it is the page rendered at {@code dpi} (300 unless the pixel budget forced
 * less). Words keep the page's skew, so their boxes sit on the ink of the original image (which is
 * what a reviewer sees); {@link #deskewedWords()} gives them with the skew taken out, for layout
 * features that group words into lines.
 *
 * @param index 0-based page index in the document
 * @param width page width in pixels
 * @param height page height in pixels
 * @param dpi resolution of the coordinate system (from the file, estimated, or the render dpi)
 * @param words words in Tesseract's or PDFBox's reading order
 * @param source where the words came from
 * @param rotation degrees (0, 90, 180, 270) the input was turned clockwise to make it upright
 * @param skewDegrees how far the text lines are turned clockwise on the upright page (0 for PDF
 *     text)
 * @param timings where the time went on this page
 */
public record Page(
        int index,
        int width,
        int height,
        int dpi,
        List<OcrWord> words,
        Source source,
        int rotation,
        double skewDegrees,
        Timings timings) {

    /** Milliseconds spent per step on one page; steps not run are 0. */
    public record Timings(long loadMillis, long orientMillis, long deskewMillis, long wordsMillis) {
        public long totalMillis() {
            return loadMillis + orientMillis + deskewMillis + wordsMillis;
        }
    }

    /** Where a page's words came from. */
    public enum Source {
        /** The text layer of a born-digital PDF. */
        PDF_TEXT,
        /** Tesseract, on an image or a rendered PDF page. */
        OCR
    }

    public Page {
        words = List.copyOf(words);
    }

    /** True when the page gave at least one word. */
    public boolean hasText() {
        return !words.isEmpty();
    }

    /**
     * The words with the skew taken out: each box's centre is turned by {@code -skewDegrees} about
     * the page centre; sizes are kept.
     */
    public List<OcrWord> deskewedWords() {
        if (skewDegrees == 0) {
            return words;
        }
        double radians = Math.toRadians(-skewDegrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = width / 2.0;
        double cy = height / 2.0;
        List<OcrWord> out = new ArrayList<>(words.size());
        for (OcrWord w : words) {
            double mx = w.x() + w.width() / 2.0 - cx;
            double my = w.y() + w.height() / 2.0 - cy;
            double rx = mx * cos - my * sin + cx;
            double ry = mx * sin + my * cos + cy;
            out.add(
                    new OcrWord(
                            w.text(),
                            (int) Math.round(rx - w.width() / 2.0),
                            (int) Math.round(ry - w.height() / 2.0),
                            w.width(),
                            w.height(),
                            w.confidence()));
        }
        return out;
    }
}
