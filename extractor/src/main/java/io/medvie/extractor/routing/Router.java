package io.medvie.extractor.routing;

import io.medvie.events.ExtractedField;
import io.medvie.events.ExtractionStatus;
import io.medvie.events.FieldCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an extraction is auto-accepted or needs review, and why.
 *
 * <p>Deterministic: the same extraction of the same report gets the same decision, audit included
 * (the audit draw hashes the report id), so that reprocessing after a crash cannot change what was
 * routed.
 */
public final class Router {
    public static final String LOW_CONFIDENCE = "LOW_CONFIDENCE";
    public static final String MISSING_REQUIRED = "MISSING_REQUIRED";
    public static final String SCHEMA_INVALID = "SCHEMA_INVALID";
    public static final String AUDIT = "AUDIT";

    private final Map<String, RoutingPolicy> policies;
    private final RoutingPolicy fallback;

    /** The routing of one extraction. Priority: lower is more urgent. */
    public record Decision(
            ExtractionStatus status,
            List<String> reasons,
            List<FieldCheck> checks,
            double priority) {
        public boolean routed() {
            return status == ExtractionStatus.NEEDS_REVIEW;
        }
    }

    public Router(Map<String, RoutingPolicy> policies, RoutingPolicy fallback) {
        this.policies = Map.copyOf(policies);
        this.fallback = fallback;
    }

    public Decision route(
            String docType,
            String reportId,
            List<ExtractedField> fields,
            List<String> validationErrors) {
        RoutingPolicy policy = policies.getOrDefault(docType, fallback);
        Set<String> reasons = new LinkedHashSet<>();
        List<FieldCheck> checks = new ArrayList<>();
        double lowest = 1.0;
        for (ExtractedField field : fields) {
            lowest = Math.min(lowest, field.getConfidence());
            double threshold = policy.thresholdOf(field.getPath());
            if (field.getConfidence() < threshold) {
                reasons.add(LOW_CONFIDENCE);
                checks.add(
                        new FieldCheck(
                                field.getPath(),
                                String.format(
                                        java.util.Locale.ROOT,
                                        "%s %.2f < %.2f",
                                        LOW_CONFIDENCE,
                                        field.getConfidence(),
                                        threshold)));
            }
        }
        for (String required : policy.required()) {
            if (!present(required, fields)) {
                reasons.add(MISSING_REQUIRED);
                checks.add(new FieldCheck(required, MISSING_REQUIRED));
                lowest = 0.0;
            }
        }
        if (!validationErrors.isEmpty()) {
            reasons.add(SCHEMA_INVALID);
            for (String error : validationErrors) {
                checks.add(new FieldCheck("$", SCHEMA_INVALID + " " + error));
            }
            lowest = 0.0;
        }
        if (reasons.isEmpty() && audited(reportId, policy.auditRate())) {
            reasons.add(AUDIT);
        }
        ExtractionStatus status =
                reasons.isEmpty() ? ExtractionStatus.AUTO_ACCEPTED : ExtractionStatus.NEEDS_REVIEW;
        return new Decision(status, List.copyOf(reasons), List.copyOf(checks), lowest);
    }

    private static boolean present(String required, List<ExtractedField> fields) {
        if (required.equals("tests")) {
            return fields.stream().anyMatch(f -> f.getPath().startsWith("tests["));
        }
        return fields.stream()
                .anyMatch(
                        f ->
                                RoutingPolicy.genericPath(f.getPath()).equals(required)
                                        && f.getValue() != null
                                        && !f.getValue().isBlank());
    }

    /** A uniform draw in [0, 1) from the report id: the same id always gets the same draw. */
    static boolean audited(String reportId, double rate) {
        if (rate <= 0) {
            return false;
        }
        try {
            byte[] h =
                    MessageDigest.getInstance("SHA-256")
                            .digest(("audit:" + reportId).getBytes(StandardCharsets.UTF_8));
            long bits =
                    ((long) (h[0] & 0xff) << 24)
                            | ((h[1] & 0xff) << 16)
                            | ((h[2] & 0xff) << 8)
                            | (h[3] & 0xff);
            return bits / (double) (1L << 32) < rate;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
