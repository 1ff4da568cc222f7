package io.medvie.ocr;

/** An image (or page) too small to hold readable text, such as a 1x1 pixel. */
public final class ImageTooSmallException extends PageReadException {
    public ImageTooSmallException(String message) {
        super(message);
    }
}
