package io.medvie.model.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.model.features.FeatureConfig;
import io.medvie.model.network.TaggerConfig;
import java.util.List;
import java.util.Map;

/**
 * The manifest of a model artifact ({@code manifest.json} in the zip).
 *
 * @param format always {@link #FORMAT}
 * @param version the model's version, e.g. {@code sft-s42}
 * @param parent the version it was trained from, or null
 * @param docType the doc type it extracts ({@code lab-report})
 * @param schemaVersion the doc type's JSON Schema version its documents follow
 * @param labels the label set, by index
 * @param features the feature configuration
 * @param network the network sizes
 * @param training what it was trained on and how (data, words source, epochs, timings): free form
 * @param seed the training seed
 * @param metrics held-out scores (f1, precision, recall, ...)
 * @param parametersSha256 hex SHA-256 of the parameters entry
 * @param createdAt ISO-8601 instant
 */
@JsonPropertyOrder({
    "format",
    "version",
    "parent",
    "doc_type",
    "schema_version",
    "labels",
    "features",
    "network",
    "training",
    "seed",
    "metrics",
    "parameters_sha256",
    "created_at"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
        String format,
        String version,
        String parent,
        @JsonProperty("doc_type") String docType,
        @JsonProperty("schema_version") String schemaVersion,
        List<String> labels,
        FeatureConfig features,
        TaggerConfig network,
        JsonNode training,
        long seed,
        Map<String, Double> metrics,
        @JsonProperty("parameters_sha256") String parametersSha256,
        @JsonProperty("created_at") String createdAt) {

    public static final String FORMAT = "medvie-model/1";

    public ModelManifest withParametersSha256(String sha) {
        return new ModelManifest(
                format,
                version,
                parent,
                docType,
                schemaVersion,
                labels,
                features,
                network,
                training,
                seed,
                metrics,
                sha,
                createdAt);
    }

    public ModelManifest withMetrics(Map<String, Double> m) {
        return new ModelManifest(
                format,
                version,
                parent,
                docType,
                schemaVersion,
                labels,
                features,
                network,
                training,
                seed,
                m,
                parametersSha256,
                createdAt);
    }
}
