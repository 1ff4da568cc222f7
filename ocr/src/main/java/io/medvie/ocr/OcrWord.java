package io.medvie.ocr;

/**
 * One word read from a page: its text, its box in pixels of the page image it was read from (x, y
 * is the top-left corner, y grows downwards) and a confidence in 0..1 (1 for born-digital PDF text,
 * Tesseract's word confidence otherwise).
 */
public record OcrWord(String text, int x, int y, int width, int height, float confidence) {

    /** Area of the intersection of the two boxes divided by the area of their union, 0..1. */
    public double iou(OcrWord other) {
        return Boxes.iou(x, y, width, height, other.x, other.y, other.width, other.height);
    }
}
