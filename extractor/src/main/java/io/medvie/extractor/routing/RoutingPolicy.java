package io.medvie.extractor.routing;

import io.medvie.schemas.config.Settings;
import io.medvie.schemas.json.DocumentSchemas;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When an extraction of one doc type goes to people.
 *
 * @param defaultThreshold a field whose confidence is below this is checked
 * @param thresholds per-field thresholds by generic path ({@code patient.name}, {@code
 *     tests.value}), overriding the default
 * @param required generic paths that must have a value; {@code tests} means at least one row
 * @param auditRate share of otherwise auto-accepted reports sent to review anyway, 0..1, so that
 *     the accuracy of auto-accepted fields is measured, not assumed
 */
public record RoutingPolicy(
        double defaultThreshold,
        Map<String, Double> thresholds,
        List<String> required,
        double auditRate) {

    public RoutingPolicy {
        checkUnit("default threshold", defaultThreshold);
        checkUnit("audit rate", auditRate);
        thresholds.forEach((k, v) -> checkUnit("threshold of " + k, v));
        thresholds = Map.copyOf(thresholds);
        required = List.copyOf(required);
    }

    /** The defaults for lab reports: who a report is about, and at least one result. */
    public static RoutingPolicy labReportDefaults() {
        return new RoutingPolicy(
                0.80,
                Map.of("tests.value", 0.85, "tests.name", 0.85),
                List.of("patient.name", "tests"),
                0.02);
    }

    /**
     * Reads {@code medvie.routing.<docType>.*}: {@code threshold} (default), {@code
     * threshold.<path>}, {@code required} (comma-separated paths, empty for none), {@code
     * audit.rate}; anything unset keeps {@code defaults}.
     */
    public static RoutingPolicy from(Settings settings, String docType, RoutingPolicy defaults) {
        String prefix = "medvie.routing." + docType + ".";
        Map<String, Double> thresholds = new TreeMap<>(defaults.thresholds());
        for (String path : KNOWN_PATHS) {
            settings.optional(prefix + "threshold." + path)
                    .ifPresent(
                            v -> thresholds.put(path, parseUnit(prefix + "threshold." + path, v)));
        }
        double threshold =
                settings.optional(prefix + "threshold")
                        .map(v -> parseUnit(prefix + "threshold", v))
                        .orElse(defaults.defaultThreshold());
        List<String> required =
                settings.optional(prefix + "required")
                        .map(
                                v ->
                                        Arrays.stream(v.split(","))
                                                .map(String::strip)
                                                .filter(s -> !s.isEmpty())
                                                .toList())
                        .orElse(defaults.required());
        for (String path : required) {
            if (!KNOWN_PATHS.contains(path) && !path.equals("tests")) {
                throw new IllegalArgumentException(
                        "Setting " + prefix + "required names unknown field '" + path + "'");
            }
        }
        double audit =
                settings.optional(prefix + "audit.rate")
                        .map(v -> parseUnit(prefix + "audit.rate", v))
                        .orElse(defaults.auditRate());
        return new RoutingPolicy(threshold, thresholds, required, audit);
    }

    /** The threshold of a field given by its concrete path ({@code tests[3].value}). */
    public double thresholdOf(String path) {
        return thresholds.getOrDefault(genericPath(path), defaultThreshold);
    }

    /** {@code tests[3].value} to {@code tests.value}; other paths unchanged. */
    public static String genericPath(String path) {
        return path.replaceAll("\\[[^\\]]*\\]", "");
    }

    /** The lab-report v1 leaves, as generic paths, read from its JSON Schema. */
    public static final List<String> KNOWN_PATHS =
            DocumentSchemas.leafPaths(
                    DocumentSchemas.LAB_REPORT, DocumentSchemas.LAB_REPORT_VERSION);

    private static double parseUnit(String key, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw new IllegalArgumentException(
                "Setting " + key + " is '" + value + "', expected a number from 0 to 1");
    }

    private static void checkUnit(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be within 0..1, was " + value);
        }
    }
}
