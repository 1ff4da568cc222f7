package io.medvie.ocr;

/** The bytes claim a supported format but cannot be parsed or decoded. */
public final class CorruptInputException extends PageReadException {
    public CorruptInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public CorruptInputException(String message) {
        super(message);
    }
}
