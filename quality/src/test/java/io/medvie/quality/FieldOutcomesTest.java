package io.medvie.quality;

import static io.medvie.quality.Events.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.quality.state.FieldOutcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FieldOutcomesTest {

    private static Map<String, List<Long>> byField(List<FieldOutcome> outcomes) {
        return outcomes.stream()
                .collect(
                        Collectors.toMap(
                                FieldOutcome::getField,
                                o -> List.of(o.getChecked(), o.getCorrect())));
    }

    @Test
    void countsPerFieldLeafWithWhitespaceIgnoredAndRowsMatchedByTestName() {
        String model = document("Ann Lee", "WBC", "6.1", "10^9/L", "Hemoglobin", "13 .5", "g/dL");
        // Rows in another order, a space less in a value, one unit wrong.
        String truth = document("Ann Lee", "Hemoglobin", "13.5", "g/L", "WBC", "6.1", "10^9/L");
        Map<String, List<Long>> f = byField(FieldOutcomes.of(model, truth));
        assertThat(f)
                .containsEntry("patient.name", List.of(1L, 1L))
                .containsEntry("test.name", List.of(2L, 2L))
                .containsEntry("test.value", List.of(2L, 2L))
                .containsEntry("test.unit", List.of(2L, 1L))
                .hasSize(4);
    }

    @Test
    void aMissedRowAndAnInventedRowEachCountAsOneWrongInstance() {
        String two = document("Bo Chan", "Sodium", "140", "mmol/L", "Urea", "7", "mmol/L");
        String one = document("Bo Chan", "Sodium", "140", "mmol/L");
        assertThat(byField(FieldOutcomes.of(one, two)))
                .containsEntry("test.value", List.of(2L, 1L));
        assertThat(byField(FieldOutcomes.of(two, one)))
                .containsEntry("test.value", List.of(2L, 1L));
    }

    @Test
    void aFieldAbsentFromBothDocumentsIsNotCounted() {
        String doc = "{\"patient\":{\"name\":\"Cy Dee\",\"id\":\"\"},\"tests\":[]}";
        assertThat(byField(FieldOutcomes.of(doc, doc))).containsOnlyKeys("patient.name");
    }

    @Test
    void textThatIsNotJsonFailsWithItsPositionAndWithoutItsContent() {
        assertThatThrownBy(() -> FieldOutcomes.of("{\"patient\": Zed Secret}", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model document is not JSON (line 1")
                .hasNoCause()
                .message()
                .doesNotContain("Zed")
                .doesNotContain("Secret");
    }
}
