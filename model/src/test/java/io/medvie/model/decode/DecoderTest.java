package io.medvie.model.decode;

import static io.medvie.model.decode.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoderTest {

    private final Decoder decoder = new Decoder();

    @Test
    void scalarsAndOneRowPerLine() {
        TaggedPage p =
                page(
                        0,
                        "City|B-report.lab_name Lab|I-report.lab_name",
                        "Name:|O ANA|B-patient.name LIMA|I-patient.name Sex:|O Female|B-patient.sex",
                        "Test|O Result|O Unit|O Range|O",
                        "Hemoglobin|B-name 13.2|B-value g/dL|B-unit 12.0-16.0|B-range",
                        "Platelet|B-name Count|I-name 450|B-value x10^9/L|B-unit 150-410|B-range H|B-flag",
                        "Glucose|B-name 60|B-value mg/dL|B-unit 70_-_110|B-range");
        DecodedDocument d = decoder.decode(List.of(p));
        JsonNode doc = d.document();
        assertThat(d.violations()).isEmpty();
        assertThat(doc.at("/patient/name").asText()).isEqualTo("ANA LIMA");
        assertThat(doc.at("/patient/sex").asText()).isEqualTo("F");
        assertThat(doc.at("/report/lab_name").asText()).isEqualTo("City Lab");
        assertThat(doc.get("tests")).hasSize(3);
        assertThat(doc.at("/tests/0/name").asText()).isEqualTo("Hemoglobin");
        assertThat(doc.at("/tests/0/flag").asText()).isEqualTo("N");
        assertThat(doc.at("/tests/1/name").asText()).isEqualTo("Platelet Count");
        assertThat(doc.at("/tests/1/flag").asText()).isEqualTo("H");
        assertThat(doc.at("/tests/1/reference_range").asText()).isEqualTo("150-410");
        // no printed flag: derived from value and range
        assertThat(doc.at("/tests/2/flag").asText()).isEqualTo("L");
        assertThat(doc.at("/tests/2/reference_range").asText()).isEqualTo("70 - 110");
        ExtractedField value =
                d.fields().stream()
                        .filter(f -> f.path().equals("tests[1].value"))
                        .findFirst()
                        .orElseThrow();
        assertThat(value.value()).isEqualTo("450");
        assertThat(value.page()).isZero();
        assertThat(value.box()).containsExactly(205, 170, 80, 20);
        assertThat(value.confidence()).isEqualTo(0.9f, org.assertj.core.data.Offset.offset(1e-6));
        ExtractedField derived =
                d.fields().stream()
                        .filter(f -> f.path().equals("tests[2].flag"))
                        .findFirst()
                        .orElseThrow();
        assertThat(derived.derived()).isTrue();
    }

    @Test
    void rangeOnTwoLinesIsOneRangeAndSexPicksTheFlag() {
        TaggedPage p =
                page(
                        0,
                        "Sex|O M|B-patient.sex@1",
                        "Hemoglobin|B-name@0 12.5|B-value@3 g/dL|B-unit@4 M:_13-17|B-range@5",
                        "F:_12-15|I-range@5",
                        "WBC|B-name@0 7.1|B-value@3 10^3/uL|B-unit@4 4-11|B-range@5");
        JsonNode doc = decoder.decode(List.of(p)).document();
        assertThat(doc.get("tests")).hasSize(2);
        assertThat(doc.at("/tests/0/reference_range").asText()).isEqualTo("M: 13-17 F: 12-15");
        assertThat(doc.at("/tests/0/flag").asText()).isEqualTo("L");
        assertThat(doc.at("/tests/1/name").asText()).isEqualTo("WBC");
        assertThat(doc.at("/tests/1/flag").asText()).isEqualTo("N");
    }

    @Test
    void twoTablesSideBySideGiveTwoRowsPerLineReadColumnByColumn() {
        TaggedPage p =
                page(
                        0,
                        "Sodium|B-name@0 140|B-value mmol/L|B-unit Potassium|B-name@6 4.0|B-value mmol/L|B-unit",
                        "Chloride|B-name@0 101|B-value mmol/L|B-unit Urea|B-name@6 5.5|B-value mmol/L|B-unit");
        JsonNode doc = decoder.decode(List.of(p)).document();
        assertThat(doc.get("tests")).hasSize(4);
        assertThat(doc.at("/tests/0/name").asText()).isEqualTo("Sodium");
        assertThat(doc.at("/tests/1/name").asText()).isEqualTo("Chloride");
        assertThat(doc.at("/tests/1/value").asText()).isEqualTo("101");
        assertThat(doc.at("/tests/2/name").asText()).isEqualTo("Potassium");
        assertThat(doc.at("/tests/2/value").asText()).isEqualTo("4.0");
        assertThat(doc.at("/tests/3/name").asText()).isEqualTo("Urea");
        assertThat(doc.at("/tests/3/value").asText()).isEqualTo("5.5");
    }

    @Test
    void valueColumnBeforeNameColumn() {
        TaggedPage p =
                page(
                        0,
                        "13.2|B-value g/dL|B-unit Hemoglobin|B-name",
                        "41|B-value %|B-unit Hematocrit|B-name");
        JsonNode doc = decoder.decode(List.of(p)).document();
        assertThat(doc.get("tests")).hasSize(2);
        assertThat(doc.at("/tests/0/name").asText()).isEqualTo("Hemoglobin");
        assertThat(doc.at("/tests/0/value").asText()).isEqualTo("13.2");
        assertThat(doc.at("/tests/1/name").asText()).isEqualTo("Hematocrit");
        assertThat(doc.at("/tests/1/value").asText()).isEqualTo("41");
    }

    @Test
    void rowsWithoutNameOrValueAreDroppedAndTheDocumentStaysValid() {
        TaggedPage p =
                page(
                        0,
                        "Hemoglobin|B-name 13.2|B-value",
                        "Orphan|B-name mg/dL|B-unit",
                        "99|B-value");
        DecodedDocument d = decoder.decode(List.of(p));
        // "99" is on a line without a name: it continues the "Orphan" row, which is then complete.
        assertThat(d.document().get("tests")).hasSize(2);
        assertThat(d.document().at("/tests/1/value").asText()).isEqualTo("99");

        TaggedPage q = page(0, "Hemoglobin|B-name 13.2|B-value", "Orphan|B-name mg/dL|B-unit");
        DecodedDocument e = decoder.decode(List.of(q));
        assertThat(e.document().get("tests")).hasSize(1);
        assertThat(e.droppedRows()).isEqualTo(1);
        assertThat(e.violations()).isEmpty();
    }

    @Test
    void repeatedPatientBlockOnTwoPagesGivesOneValueWithTheBestConfidence() {
        TaggedPage p1 = page(0, "Name|O ANA|B-patient.name LIMA|I-patient.name");
        TaggedPage p2 =
                page(1, "Name|O ANA|B-patient.name LIMA|I-patient.name", "Urea|B-name 5.5|B-value");
        DecodedDocument d = decoder.decode(List.of(p1, p2));
        assertThat(d.document().at("/patient/name").asText()).isEqualTo("ANA LIMA");
        assertThat(d.fields().stream().filter(f -> f.path().equals("patient.name"))).hasSize(1);
        ExtractedField urea =
                d.fields().stream()
                        .filter(f -> f.path().equals("tests[0].value"))
                        .findFirst()
                        .orElseThrow();
        assertThat(urea.page()).isEqualTo(1);
    }

    @Test
    void theFlagFollowsValueAndRangeNotThePrintedMarkAndNeedsARange() {
        TaggedPage p =
                page(
                        0,
                        "Urea|B-name 5.5|B-value 2.5-7.5|B-range H|B-flag",
                        "Creatinine|B-name 140|B-value umol/L|B-unit",
                        "Iron|B-name 30|B-value ??|B-range LOW|B-flag");
        JsonNode doc = decoder.decode(List.of(p)).document();
        // a wrong printed mark does not override value and range
        assertThat(doc.at("/tests/0/flag").asText()).isEqualTo("N");
        // no printed range: no flag, as in the ground truth
        assertThat(doc.at("/tests/1").has("flag")).isFalse();
        // an unreadable range: the printed mark stands in
        assertThat(doc.at("/tests/2/flag").asText()).isEqualTo("L");
    }

    @Test
    void qualitativeResultHasNoFlagAndUnknownSexIsU() {
        TaggedPage p =
                page(0, "Sex|O X|B-patient.sex", "HIV|B-name Negative|B-value Negative|B-range");
        JsonNode doc = decoder.decode(List.of(p)).document();
        assertThat(doc.at("/patient/sex").asText()).isEqualTo("U");
        assertThat(doc.at("/tests/0").has("flag")).isFalse();
    }

    @Test
    void sexSpellings() {
        assertThat(Decoder.sexOf("Female")).isEqualTo("F");
        assertThat(Decoder.sexOf("F")).isEqualTo("F");
        assertThat(Decoder.sexOf("MALE")).isEqualTo("M");
        assertThat(Decoder.sexOf("/ M")).isEqualTo("M");
        assertThat(Decoder.sexOf("?")).isEqualTo("U");
    }
}
