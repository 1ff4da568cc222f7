package io.medvie.ingest;

/**
 * A failure that is not the input's fault: the blob store or the broker did not take the report.
 * The caller may retry; nothing was announced.
 */
public final class IngestException extends Exception {
    private static final long serialVersionUID = 1L;

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
