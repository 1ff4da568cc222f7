package io.medvie.extractor.service;

import io.medvie.events.ExtractedField;
import io.medvie.events.ReportSubmitted;
import java.util.List;
import java.util.Map;

/**
 * Extracts a batch of reports with the model in use. A batch lets the implementation read pages on
 * a worker pool and run inference for several reports at once.
 */
public interface ReportExtractor {
    /** One report to extract: its event and its bytes from the blob store. */
    record Job(ReportSubmitted report, byte[] bytes) {}

    /** What came out of one report. */
    sealed interface Outcome permits Extracted, Unreadable {}

    /**
     * A document.
     *
     * @param validationErrors JSON Schema violations; empty when the document is valid
     */
    record Extracted(
            String modelVersion,
            String schemaVersion,
            String documentJson,
            List<ExtractedField> fields,
            List<String> validationErrors,
            Map<String, Long> timingsMs)
            implements Outcome {}

    /** The report can never be extracted (corrupt, encrypted, no text...): it goes to the DLQ. */
    record Unreadable(Exception error) implements Outcome {}

    /**
     * Extracts every job; the outcomes are in the jobs' order. Throws for failures that are not one
     * report's known fault: the service retries the whole batch, and after a few failures tries
     * each report alone.
     */
    List<Outcome> extract(List<Job> jobs) throws Exception;

    /** The model version new batches use. */
    String modelVersion();
}
