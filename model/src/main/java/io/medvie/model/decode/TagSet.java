package io.medvie.model.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels the tagger chooses from: {@code O} and, for each field leaf, {@code B-<field>} (a span
 * starts) and {@code I-<field>} (the span goes on). Label 0 is O; field {@code i} has B at {@code 1
 * + 2i} and I at {@code 2 + 2i}.
 */
public final class TagSet {

    /** The 16 leaves of lab-report v1, in the order of the dataset layout's tags. */
    public static final List<String> LAB_REPORT_FIELDS =
            List.of(
                    "patient.name",
                    "patient.id",
                    "patient.sex",
                    "patient.birth_date",
                    "patient.age",
                    "report.lab_name",
                    "report.report_id",
                    "report.collected_at",
                    "report.reported_at",
                    "report.ordering_physician",
                    "report.specimen",
                    "test.name",
                    "test.value",
                    "test.unit",
                    "test.reference_range",
                    "test.flag");

    public static final TagSet LAB_REPORT = new TagSet(LAB_REPORT_FIELDS);

    public static final int O = 0;

    private final List<String> fields;
    private final List<String> labels;

    public TagSet(List<String> fields) {
        this.fields = List.copyOf(fields);
        List<String> all = new ArrayList<>();
        all.add("O");
        for (String f : fields) {
            all.add("B-" + f);
            all.add("I-" + f);
        }
        this.labels = List.copyOf(all);
    }

    /** Every label, by index. */
    public List<String> labels() {
        return labels;
    }

    public List<String> fields() {
        return fields;
    }

    public int size() {
        return labels.size();
    }

    /** The field index of a field path, or -1. */
    public int field(String path) {
        return fields.indexOf(path);
    }

    public int begin(int field) {
        return 1 + 2 * field;
    }

    public int inside(int field) {
        return 2 + 2 * field;
    }

    /** The field of a label, -1 for O. */
    public int fieldOf(int label) {
        return label == O ? -1 : (label - 1) / 2;
    }

    public boolean isBegin(int label) {
        return label != O && (label - 1) % 2 == 0;
    }

    public String fieldName(int field) {
        return fields.get(field);
    }

    public boolean isTestField(int field) {
        return field >= 0 && fields.get(field).startsWith("test.");
    }
}
