package io.medvie.schemas.json;

import static io.medvie.schemas.json.DocumentSchemas.LAB_REPORT;
import static io.medvie.schemas.json.DocumentSchemas.LAB_REPORT_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSchemasTest {
    private final DocumentSchemas schemas = new DocumentSchemas();

    private static final String VALID =
            """
            {"patient": {"name": "Ana Ruiz", "id": "P-1", "sex": "F", "birth_date": "1961-03-14", "age": "63"},
             "report": {"lab_name": "North Lab", "report_id": "R-9", "collected_at": "2024-01-02 08:00",
                        "reported_at": "02/01/2024", "ordering_physician": "Dr. K. Obi", "specimen": "Serum"},
             "tests": [
               {"name": "Hemoglobin", "value": "13.2", "unit": "g/dL", "reference_range": "12.0-16.0", "flag": "N"},
               {"name": "WBC", "value": "5,100"}
             ]}
            """;

    private List<String> validate(String json) {
        return schemas.validate(LAB_REPORT, LAB_REPORT_VERSION, json);
    }

    @Test
    void acceptsAFullDocumentAndAMinimalOne() {
        assertThat(validate(VALID)).isEmpty();
        assertThat(validate("{\"patient\": {}, \"report\": {}, \"tests\": []}")).isEmpty();
    }

    @Test
    void refusesMissingSections() {
        assertThat(validate("{\"patient\": {}, \"report\": {}}"))
                .singleElement()
                .asString()
                .contains("tests");
    }

    @Test
    void refusesATestWithoutValue() {
        assertThat(validate(VALID.replace(", \"value\": \"5,100\"", "")))
                .singleElement()
                .asString()
                .contains("value");
    }

    @Test
    void refusesAnUnknownFlagAndSex() {
        assertThat(validate(VALID.replace("\"flag\": \"N\"", "\"flag\": \"HIGH\""))).hasSize(1);
        assertThat(validate(VALID.replace("\"sex\": \"F\"", "\"sex\": \"female\""))).hasSize(1);
    }

    @Test
    void refusesUnknownPropertiesEmptyValuesAndNonStrings() {
        assertThat(
                        validate(
                                VALID.replace(
                                        "\"age\": \"63\"", "\"age\": \"63\", \"eyes\": \"blue\"")))
                .singleElement()
                .asString()
                .contains("eyes");
        assertThat(validate(VALID.replace("\"age\": \"63\"", "\"age\": \"\""))).hasSize(1);
        assertThat(validate(VALID.replace("\"age\": \"63\"", "\"age\": 63"))).hasSize(1);
    }

    @Test
    void reportsTextThatIsNotJson() {
        assertThat(validate("{\"patient\": ")).singleElement().asString().startsWith("not JSON");
    }

    @Test
    void unknownDocTypeIsAnError() {
        assertThatThrownBy(() -> schemas.validate("invoice", "1", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invoice");
    }

    @Test
    void leafPathsComeFromTheSchema() {
        assertThat(DocumentSchemas.leafPaths(LAB_REPORT, LAB_REPORT_VERSION))
                .hasSize(16)
                .startsWith("patient.name", "patient.id")
                .contains("report.specimen", "tests.name", "tests.flag")
                .doesNotHaveDuplicates();
    }

    @Test
    void schemaTextIsServed() {
        assertThat(DocumentSchemas.schemaText(LAB_REPORT, LAB_REPORT_VERSION))
                .contains("\"tests\"");
    }
}
