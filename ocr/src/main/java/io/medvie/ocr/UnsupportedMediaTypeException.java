package io.medvie.ocr;

/** Neither the declared media type nor the file's signature is one we read. */
public final class UnsupportedMediaTypeException extends PageReadException {
    public UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
