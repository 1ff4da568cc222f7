package io.medvie.ocr;

/**
 * Why a document could not be read into pages. Each subclass names one problem, so callers (the
 * extractor's DLQ, the CLI) can report it without parsing messages; messages never carry document
 * content.
 */
public abstract sealed class PageReadException extends Exception
        permits EmptyInputException,
                CorruptInputException,
                EncryptedInputException,
                UnsupportedMediaTypeException,
                LimitExceededException,
                ImageTooSmallException,
                NoTextException {

    PageReadException(String message) {
        super(message);
    }

    PageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
