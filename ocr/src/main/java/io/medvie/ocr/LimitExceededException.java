package io.medvie.ocr;

/**
 * The input is over one of the configured {@link ReadLimits}: refused before the expensive part
 * (decoding pixels, rendering) so no input can push memory past the budget.
 */
public final class LimitExceededException extends PageReadException {
    private final String limit;
    private final long actual;
    private final long allowed;

    public LimitExceededException(String limit, long actual, long allowed, String what) {
        super(what + ": " + limit + " is " + actual + ", the limit is " + allowed);
        this.limit = limit;
        this.actual = actual;
        this.allowed = allowed;
    }

    /** The name of the limit, as in {@link ReadLimits}: maxBytes, maxPages or maxPixels. */
    public String limit() {
        return limit;
    }

    public long actual() {
        return actual;
    }

    public long allowed() {
        return allowed;
    }
}
