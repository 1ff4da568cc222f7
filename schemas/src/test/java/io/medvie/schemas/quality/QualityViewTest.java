package io.medvie.schemas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityViewTest {

    @Test
    void rowsGiveAccuracyAndCorrectionRateAndNothingWhenNothingWasCounted() {
        QualityView.Row row = new QualityView.Row("v1", "test.value", 8, 6, 20, 5);
        assertThat(row.autoAcceptedAccuracy()).isEqualTo(0.75);
        assertThat(row.correctionRate()).isEqualTo(0.25);
        QualityView.Row empty = new QualityView.Row("v1", "patient.name", 0, 0, 0, 0);
        assertThat(empty.autoAcceptedAccuracy()).isNaN();
        assertThat(empty.correctionRate()).isNaN();
    }

    @Test
    void theTableHasAHeaderAndOneLinePerRowWithPercentages() {
        String table =
                QualityView.table(
                        List.of(
                                new QualityView.Row("v1", "test.value", 8, 6, 20, 5),
                                new QualityView.Row("v2", "patient.name", 0, 0, 3, 0)));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .contains("model version", "field", "auto acc", "corr rate", "conf acc");
        assertThat(lines.get(1).split("\\s+"))
                .containsExactly(
                        "v1", "test.value", "8", "6", "75.0%", "20", "5", "25.0%", "0", "-", "-");
        assertThat(lines.get(2).split("\\s+"))
                .containsExactly(
                        "v2", "patient.name", "0", "0", "-", "3", "0", "0.0%", "0", "-", "-");
    }

    @Test
    void longFieldPathsKeepTheCountsInTheirColumns() {
        String table =
                QualityView.table(
                        List.of(
                                new QualityView.Row("v1", "report.ordering_physician", 1, 1, 9, 2),
                                new QualityView.Row("v1", "test.unit", 3, 2, 7, 1)));
        List<String> lines = table.lines().toList();
        int column = lines.get(0).length();
        for (String line : lines) {
            assertThat(line).as(line).hasSize(column);
        }
    }

    @Test
    void confidentAndFlaggedInstancesOfRoutedReportsHaveTheirOwnAccuracy() {
        QualityView.Row r = new QualityView.Row("v1", "test.unit", 0, 0, 20, 5, 16, 14, 4, 1);
        assertThat(r.confidentAccuracy()).isEqualTo(14 / 16.0);
        assertThat(r.flaggedAccuracy()).isEqualTo(0.25);
        assertThat(QualityView.table(List.of(r)).lines().toList().get(1).split("\\s+"))
                .endsWith("16", "87.5%", "25.0%");
    }
}
