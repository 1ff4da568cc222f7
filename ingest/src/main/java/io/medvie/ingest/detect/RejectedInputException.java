package io.medvie.ingest.detect;

/**
 * Input that ingest refuses, with the HTTP status to answer, a stable machine-readable code and a
 * reason a person can act on. The reason never quotes the content.
 */
public final class RejectedInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public RejectedInputException(int status, String code, String reason) {
        super(reason);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** One of {@code empty}, {@code too_large}, {@code unsupported_type}, {@code truncated}. */
    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    public static RejectedInputException empty() {
        return new RejectedInputException(400, "empty", "the body is empty");
    }

    public static RejectedInputException tooLarge(long maxBytes) {
        return new RejectedInputException(
                413, "too_large", "the body is larger than the limit of " + maxBytes + " bytes");
    }
}
