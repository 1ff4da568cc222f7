package io.medvie.ocr;

/**
 * No page of the document gave a single word: blank pages, pictures without text, or text too
 * degraded to read. A document where only some pages are blank is not an error; those pages come
 * back with no words.
 */
public final class NoTextException extends PageReadException {
    public NoTextException(String message) {
        super(message);
    }
}
