package io.medvie.synth.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The word labels of the dataset layout: one per leaf of the lab-report v1 document, plus {@link
 * #O} for every other word (labels such as "Name:", headings, footers, previous results).
 *
 * <p>The files carry the {@link #path()} strings, not these constants, so that readers in other
 * modules and sets made by other tools need nothing from this class.
 */
public enum FieldTag {
    PATIENT_NAME("patient.name"),
    PATIENT_ID("patient.id"),
    PATIENT_SEX("patient.sex"),
    PATIENT_BIRTH_DATE("patient.birth_date"),
    PATIENT_AGE("patient.age"),
    REPORT_LAB_NAME("report.lab_name"),
    REPORT_REPORT_ID("report.report_id"),
    REPORT_COLLECTED_AT("report.collected_at"),
    REPORT_REPORTED_AT("report.reported_at"),
    REPORT_ORDERING_PHYSICIAN("report.ordering_physician"),
    REPORT_SPECIMEN("report.specimen"),
    TEST_NAME("test.name"),
    TEST_VALUE("test.value"),
    TEST_UNIT("test.unit"),
    TEST_REFERENCE_RANGE("test.reference_range"),
    TEST_FLAG("test.flag"),
    O("O");

    /** Every tag path in declaration order, the order to use for label vocabularies. */
    public static final List<String> PATHS = Arrays.stream(values()).map(FieldTag::path).toList();

    private final String path;

    FieldTag(String path) {
        this.path = path;
    }

    /** The string written in the words files, e.g. {@code test.value}. */
    public String path() {
        return path;
    }

    /** The key of this field inside its object of the document ({@code value} for test.value). */
    public String key() {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** True for the tags of a tests[] row; their words carry the row index. */
    public boolean isTest() {
        return path.startsWith("test.");
    }

    public boolean isPatient() {
        return path.startsWith("patient.");
    }

    public boolean isReport() {
        return path.startsWith("report.");
    }

    public static Optional<FieldTag> fromPath(String path) {
        for (FieldTag t : values()) {
            if (t.path.equals(path)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
