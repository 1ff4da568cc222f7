package io.medvie.ocr;

/** The input has no bytes, or a PDF/TIFF with no pages. */
public final class EmptyInputException extends PageReadException {
    public EmptyInputException(String message) {
        super(message);
    }
}
