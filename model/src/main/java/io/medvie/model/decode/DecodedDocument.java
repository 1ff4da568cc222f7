package io.medvie.model.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A document decoded from tagged pages.
 *
 * @param document the lab-report JSON
 * @param fields every value in the document with its confidence and source
 * @param violations JSON Schema violations, empty when the document is valid
 * @param droppedRows test rows left out because they had no name or no value
 */
public record DecodedDocument(
        ObjectNode document,
        List<ExtractedField> fields,
        List<String> violations,
        int droppedRows) {

    public DecodedDocument {
        fields = List.copyOf(fields);
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
