package io.medvie.schemas;

/**
 * Header names on dead-letter records. The record's key and value are the original bytes; these
 * headers say what failed and where the record came from.
 */
public final class DlqHeaders {
    public static final String ERROR_CLASS = "dlq.error.class";
    public static final String ERROR_MESSAGE = "dlq.error.message";
    public static final String STAGE = "dlq.stage";
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    public static final String FAILED_AT = "dlq.failed.at";

    private DlqHeaders() {}
}
