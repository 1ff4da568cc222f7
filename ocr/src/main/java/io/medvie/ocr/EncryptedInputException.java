package io.medvie.ocr;

/** A PDF that needs a password to open. */
public final class EncryptedInputException extends PageReadException {
    public EncryptedInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
