package io.medvie.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.synth.layout.FieldTag;
import org.junit.jupiter.api.Test;

class FieldTagTest {

    @Test
    void tagsAreTheDocumentLeavesPlusO() {
        // Other modules read these strings from files; changing one breaks every dataset.
        assertThat(FieldTag.PATHS)
                .containsExactly(
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
                        "test.flag",
                        "O");
        assertThat(FieldTag.fromPath("test.reference_range"))
                .contains(FieldTag.TEST_REFERENCE_RANGE);
        assertThat(FieldTag.TEST_REFERENCE_RANGE.key()).isEqualTo("reference_range");
        assertThat(FieldTag.fromPath("test.method")).isEmpty();
    }
}
