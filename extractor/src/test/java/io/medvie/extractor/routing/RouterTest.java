package io.medvie.extractor.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.events.ExtractedField;
import io.medvie.events.ExtractionStatus;
import io.medvie.events.FieldCheck;
import io.medvie.schemas.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final RoutingPolicy NO_AUDIT =
            new RoutingPolicy(0.8, Map.of("tests.value", 0.9), List.of("patient.name", "tests"), 0);

    private static ExtractedField field(String path, String value, double confidence) {
        return ExtractedField.newBuilder()
                .setPath(path)
                .setValue(value)
                .setConfidence((float) confidence)
                .build();
    }

    private final Router router = new Router(Map.of("lab-report", NO_AUDIT), NO_AUDIT);

    private final List<ExtractedField> confident =
            List.of(
                    field("patient.name", "Ana Ruiz", 0.99),
                    field("tests[0].name", "Hemoglobin", 0.97),
                    field("tests[0].value", "13.2", 0.95));

    @Test
    void confidentCompleteValidDocumentIsAutoAccepted() {
        Router.Decision d = router.route("lab-report", "r-1", confident, List.of());
        assertThat(d.status()).isEqualTo(ExtractionStatus.AUTO_ACCEPTED);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.priority()).isEqualTo(0.95f, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void perFieldThresholdOverridesTheDefault() {
        List<ExtractedField> fields =
                List.of(
                        field("patient.name", "Ana Ruiz", 0.85),
                        field("tests[0].name", "Hemoglobin", 0.85),
                        field("tests[0].value", "13.2", 0.85));
        Router.Decision d = router.route("lab-report", "r-1", fields, List.of());
        assertThat(d.status()).isEqualTo(ExtractionStatus.NEEDS_REVIEW);
        assertThat(d.reasons()).containsExactly(Router.LOW_CONFIDENCE);
        assertThat(d.checks()).extracting(FieldCheck::getPath).containsExactly("tests[0].value");
        assertThat(d.checks().get(0).getReason()).contains("0.85 < 0.90");
    }

    @Test
    void missingRequiredAndInvalidDocumentsAreRoutedFirst() {
        Router.Decision missing =
                router.route("lab-report", "r-1", confident.subList(1, 3), List.of());
        assertThat(missing.reasons()).containsExactly(Router.MISSING_REQUIRED);
        assertThat(missing.checks())
                .extracting(FieldCheck::getPath)
                .containsExactly("patient.name");
        assertThat(missing.priority()).isZero();

        Router.Decision noTests =
                router.route("lab-report", "r-1", confident.subList(0, 1), List.of());
        assertThat(noTests.checks()).extracting(FieldCheck::getPath).containsExactly("tests");

        Router.Decision invalid =
                router.route(
                        "lab-report", "r-1", confident, List.of("$.tests[0].flag: not in enum"));
        assertThat(invalid.reasons()).containsExactly(Router.SCHEMA_INVALID);
    }

    @Test
    void auditIsDeterministicAndNearItsRate() {
        RoutingPolicy audit = new RoutingPolicy(0.8, Map.of(), List.of(), 0.1);
        Router auditing = new Router(Map.of(), audit);
        long audited =
                IntStream.range(0, 5000)
                        .filter(
                                i ->
                                        auditing.route("lab-report", "r-" + i, confident, List.of())
                                                .reasons()
                                                .contains(Router.AUDIT))
                        .count();
        assertThat(audited).isBetween(400L, 600L);
        for (int i = 0; i < 50; i++) {
            assertThat(auditing.route("x", "r-" + i, confident, List.of()))
                    .isEqualTo(auditing.route("x", "r-" + i, confident, List.of()));
        }
    }

    @Test
    void policyFromSettingsNamesBadValues() {
        Settings s =
                Settings.of(
                        Map.of(
                                "medvie.routing.lab-report.threshold", "0.7",
                                "medvie.routing.lab-report.threshold.tests.unit", "0.95",
                                "medvie.routing.lab-report.required", "patient.id, tests",
                                "medvie.routing.lab-report.audit.rate", "0.05"));
        RoutingPolicy p = RoutingPolicy.from(s, "lab-report", RoutingPolicy.labReportDefaults());
        assertThat(p.defaultThreshold()).isEqualTo(0.7);
        assertThat(p.thresholdOf("tests[4].unit")).isEqualTo(0.95);
        assertThat(p.thresholdOf("tests[4].value")).isEqualTo(0.85);
        assertThat(p.required()).containsExactly("patient.id", "tests");
        assertThat(p.auditRate()).isEqualTo(0.05);

        Settings bad = Settings.of(Map.of("medvie.routing.lab-report.threshold", "1.5"));
        assertThatThrownBy(() -> RoutingPolicy.from(bad, "lab-report", p))
                .hasMessageContaining("medvie.routing.lab-report.threshold")
                .hasMessageContaining("1.5");
        Settings unknown =
                Settings.of(Map.of("medvie.routing.lab-report.required", "patient.eyes"));
        assertThatThrownBy(() -> RoutingPolicy.from(unknown, "lab-report", p))
                .hasMessageContaining("patient.eyes");
    }
}
