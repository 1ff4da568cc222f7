package io.medvie.model.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldMetricTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static final String TRUTH =
            "{'patient':{'name':'ANA LIMA','sex':'F'},'report':{'lab_name':'City Lab'},"
                    + "'tests':["
                    + "{'name':'Hemoglobin','value':'13.2','unit':'g/dL','reference_range':'12.0-16.0','flag':'N'},"
                    + "{'name':'Neutrophils','value':'60','unit':'%','flag':'N'},"
                    + "{'name':'Neutrophils','value':'3.1','unit':'10^3/uL','flag':'N'}]}";

    @Test
    void identicalDocumentsScoreOne() throws Exception {
        FieldMetric.Result r = FieldMetric.score(json(TRUTH), json(TRUTH));
        // 3 scalar pairs + 5 + 4 + 4 test pairs
        assertThat(r.total()).isEqualTo(new Counts(16, 16, 16));
        assertThat(r.total().f1()).isEqualTo(1.0);
    }

    @Test
    void predictedInstancesNameEachLeafAsTheExtractorDoesAndSayWhetherItMatched() throws Exception {
        String predicted =
                "{'patient':{'name':'ANA LIMA'},"
                        + "'tests':["
                        + "{'name':'Neutrophils','value':'3.1','unit':'10^3/uL'},"
                        + "{'name':'Hemoglobin','value':'13.9','unit':'g/dL'}]}";
        List<FieldMetric.Instance> instances =
                FieldMetric.predictedInstances(json(predicted), json(TRUTH));

        assertThat(instances)
                .containsExactly(
                        new FieldMetric.Instance("patient.name", "patient.name", true),
                        new FieldMetric.Instance("tests[0].name", "test.name", true),
                        // The first Neutrophils row of the truth is the % one.
                        new FieldMetric.Instance("tests[0].value", "test.value", false),
                        new FieldMetric.Instance("tests[0].unit", "test.unit", false),
                        new FieldMetric.Instance("tests[1].name", "test.name", true),
                        new FieldMetric.Instance("tests[1].value", "test.value", false),
                        new FieldMetric.Instance("tests[1].unit", "test.unit", true));
        // The same matches as the score counts.
        assertThat(instances.stream().filter(FieldMetric.Instance::matched).count())
                .isEqualTo(FieldMetric.score(json(predicted), json(TRUTH)).total().matched());
    }

    @Test
    void rowOrderDoesNotMatterButRepeatedNamesAreKeptApartByOccurrence() throws Exception {
        String swappedDistinct =
                "{'patient':{'name':'ANA LIMA','sex':'F'},'report':{'lab_name':'City Lab'},"
                        + "'tests':["
                        + "{'name':'Neutrophils','value':'60','unit':'%','flag':'N'},"
                        + "{'name':'Neutrophils','value':'3.1','unit':'10^3/uL','flag':'N'},"
                        + "{'name':'Hemoglobin','value':'13.2','unit':'g/dL','reference_range':'12.0-16.0','flag':'N'}]}";
        assertThat(FieldMetric.score(json(swappedDistinct), json(TRUTH)).total().f1())
                .isEqualTo(1.0);

        // The two Neutrophils rows swapped: first occurrence now carries the absolute count.
        String swappedRepeated =
                "{'patient':{'name':'ANA LIMA','sex':'F'},'report':{'lab_name':'City Lab'},"
                        + "'tests':["
                        + "{'name':'Hemoglobin','value':'13.2','unit':'g/dL','reference_range':'12.0-16.0','flag':'N'},"
                        + "{'name':'Neutrophils','value':'3.1','unit':'10^3/uL','flag':'N'},"
                        + "{'name':'Neutrophils','value':'60','unit':'%','flag':'N'}]}";
        Counts c = FieldMetric.score(json(swappedRepeated), json(TRUTH)).total();
        // name and flag still match in both rows; value and unit do not.
        assertThat(c).isEqualTo(new Counts(12, 16, 16));
    }

    @Test
    void whitespaceIsIgnoredButOtherCharactersCount() throws Exception {
        String spaced =
                "{'patient':{'name':' ANA  LIMA ','sex':'F'},'report':{'lab_name':'City\\tLab'},"
                        + "'tests':["
                        + "{'name':'Hemo globin','value':'13.2','unit':'g / dL','reference_range':'12.0 - 16.0','flag':'N'},"
                        + "{'name':'Neutrophils','value':'60','unit':'%','flag':'N'},"
                        + "{'name':'Neutrophils','value':'3,1','unit':'10^3/uL','flag':'N'}]}";
        FieldMetric.Result r = FieldMetric.score(json(spaced), json(TRUTH));
        assertThat(r.total()).isEqualTo(new Counts(15, 16, 16));
        assertThat(r.fields().get("test.value")).isEqualTo(new Counts(2, 3, 3));
    }

    @Test
    void missingFieldLowersRecallOnlyAndExtraFieldPrecisionOnly() throws Exception {
        String missing =
                "{'patient':{'name':'ANA LIMA'},'report':{'lab_name':'City Lab'},"
                        + "'tests':["
                        + "{'name':'Hemoglobin','value':'13.2','unit':'g/dL','reference_range':'12.0-16.0','flag':'N'},"
                        + "{'name':'Neutrophils','value':'60','unit':'%','flag':'N'}]}";
        Counts c = FieldMetric.score(json(missing), json(TRUTH)).total();
        assertThat(c).isEqualTo(new Counts(11, 11, 16));
        assertThat(c.precision()).isEqualTo(1.0);
        assertThat(c.recall()).isCloseTo(11 / 16.0, within(1e-12));

        String extra =
                TRUTH.replace(
                        "'report':{'lab_name':'City Lab'}",
                        "'report':{'lab_name':'City Lab','specimen':'Serum'}");
        FieldMetric.Result r = FieldMetric.score(json(extra), json(TRUTH));
        assertThat(r.total()).isEqualTo(new Counts(16, 17, 16));
        assertThat(r.fields().get("report.specimen")).isEqualTo(new Counts(0, 1, 0));
        assertThat(r.fields().get("report.specimen").precision()).isEqualTo(0.0);
    }

    @Test
    void wrongValueCountsAsBothAFalsePositiveAndAMiss() throws Exception {
        String wrong = TRUTH.replace("'value':'13.2'", "'value':'18.2'");
        FieldMetric.Result r = FieldMetric.score(json(wrong), json(TRUTH));
        assertThat(r.total()).isEqualTo(new Counts(15, 16, 16));
        assertThat(r.fields().get("test.value")).isEqualTo(new Counts(2, 3, 3));
        assertThat(r.total().f1()).isCloseTo(15 / 16.0, within(1e-12));
    }

    @Test
    void aWrongTestNameLosesTheWholeRow() throws Exception {
        String renamed = TRUTH.replace("'name':'Hemoglobin'", "'name':'Haemoglobin'");
        Counts c = FieldMetric.score(json(renamed), json(TRUTH)).total();
        assertThat(c).isEqualTo(new Counts(11, 16, 16));
    }

    @Test
    void emptyAndNullDocuments() throws Exception {
        Counts none = FieldMetric.score(null, json(TRUTH)).total();
        assertThat(none).isEqualTo(new Counts(0, 0, 16));
        assertThat(none.precision()).isEqualTo(0.0);
        assertThat(none.f1()).isEqualTo(0.0);
        Counts bothEmpty =
                FieldMetric.score(json("{'patient':{},'report':{},'tests':[]}"), json("{}"))
                        .total();
        assertThat(bothEmpty.f1()).isEqualTo(1.0);
    }

    @Test
    void accumulatorMicroAverages() throws Exception {
        FieldMetric.Accumulator acc = new FieldMetric.Accumulator();
        acc.add(json(TRUTH), json(TRUTH));
        acc.add(json("{'patient':{'name':'X'},'report':{},'tests':[]}"), json(TRUTH));
        assertThat(acc.total()).isEqualTo(new Counts(16, 17, 32));
        assertThat(acc.fields().get("patient.name")).isEqualTo(new Counts(1, 2, 2));
        assertThat(acc.documents()).isEqualTo(2);
    }

    @Test
    void rewardIsFormatPlusWeightedPrecisionAndRecall() throws Exception {
        assertThat(FieldMetric.reward(json(TRUTH), json(TRUTH), 0.5)).isEqualTo(2.0);
        String missing =
                "{'patient':{'name':'ANA LIMA'},'report':{'lab_name':'City Lab'},'tests':[]}";
        // valid (1) + 0.5 * 2/2 + 0.5 * 2/16
        assertThat(FieldMetric.reward(json(missing), json(TRUTH), 0.5))
                .isCloseTo(1 + 0.5 + 0.5 * 2 / 16.0, within(1e-12));
        // a=1: precision only
        assertThat(FieldMetric.reward(json(missing), json(TRUTH), 1.0))
                .isCloseTo(2.0, within(1e-12));
        // invalid: sex outside the enum, so format is 0
        String invalid = TRUTH.replace("'sex':'F'", "'sex':'female'");
        assertThat(FieldMetric.reward(json(invalid), json(TRUTH), 0.5))
                .isCloseTo(0.5 * 15 / 16.0 + 0.5 * 15 / 16.0, within(1e-12));
    }
}
