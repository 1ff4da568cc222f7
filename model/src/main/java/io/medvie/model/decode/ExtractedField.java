package io.medvie.model.decode;

/**
 * One value of the document with where it came from.
 *
 * @param path JSON path of the leaf, e.g. {@code patient.name} or {@code tests[3].value}
 * @param field the field leaf, e.g. {@code test.value}
 * @param value the value as put in the document
 * @param confidence lowest token probability in the field's span (for a derived flag: of the spans
 *     it was derived from), 0..1
 * @param page 0-based page index
 * @param box {x, y, width, height} in the page's pixels, the union of the span's word boxes
 * @param derived true when the value was computed (a flag from value and range) rather than read
 */
public record ExtractedField(
        String path,
        String field,
        String value,
        double confidence,
        int page,
        double[] box,
        boolean derived) {}
