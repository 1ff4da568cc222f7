package io.medvie.schemas;

import io.medvie.events.AuditEvent;
import io.medvie.events.ExtractionResult;
import io.medvie.events.ModelPublished;
import io.medvie.events.QualityRecord;
import io.medvie.events.ReportSubmitted;
import io.medvie.events.ReviewAccount;
import io.medvie.events.ReviewState;
import io.medvie.events.ReviewTask;
import io.medvie.events.VerifiedSample;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Which Avro record each topic carries: the value schema registered under {@code <topic>-value}.
 * Dead-letter topics carry the original bytes and have no schema.
 */
public final class EventTypes {
    private static final Map<String, Schema> VALUE_SCHEMAS = new LinkedHashMap<>();

    static {
        VALUE_SCHEMAS.put(Topics.REPORTS, ReportSubmitted.getClassSchema());
        VALUE_SCHEMAS.put(Topics.EXTRACTIONS, ExtractionResult.getClassSchema());
        VALUE_SCHEMAS.put(Topics.REVIEW_TASKS, ReviewTask.getClassSchema());
        VALUE_SCHEMAS.put(Topics.VERIFIED_SAMPLES, VerifiedSample.getClassSchema());
        VALUE_SCHEMAS.put(Topics.MODELS, ModelPublished.getClassSchema());
        VALUE_SCHEMAS.put(Topics.QUALITY, QualityRecord.getClassSchema());
        VALUE_SCHEMAS.put(Topics.AUDIT, AuditEvent.getClassSchema());
        VALUE_SCHEMAS.put(Topics.REVIEW_STATE, ReviewState.getClassSchema());
        VALUE_SCHEMAS.put(Topics.REVIEW_ACCOUNTS, ReviewAccount.getClassSchema());
    }

    private EventTypes() {}

    /** Topic to value schema, in the order of the topic table. */
    public static Map<String, Schema> valueSchemas() {
        return java.util.Collections.unmodifiableMap(VALUE_SCHEMAS);
    }
}
