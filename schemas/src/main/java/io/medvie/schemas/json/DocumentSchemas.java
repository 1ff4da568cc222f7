package io.medvie.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schemas of the documents medvie extracts, one per doc type and version, loaded from the
 * class path. Thread-safe: the compiled schemas are immutable.
 */
public final class DocumentSchemas {
    /** The lab report, the first doc type. */
    public static final String LAB_REPORT = "lab-report";

    /** The current schema version of {@link #LAB_REPORT}. */
    public static final String LAB_REPORT_VERSION = "1";

    private static final Map<String, String> RESOURCES =
            Map.of(
                    LAB_REPORT + "/" + LAB_REPORT_VERSION,
                    "/io/medvie/schemas/json/lab-report-v1.schema.json");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, JsonSchema> schemas;

    public DocumentSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        this.schemas =
                Map.copyOf(
                        RESOURCES.entrySet().stream()
                                .collect(
                                        java.util.stream.Collectors.toMap(
                                                Map.Entry::getKey,
                                                e -> load(factory, e.getValue()))));
    }

    /** The schema's JSON text, for clients that validate on their own. */
    public static String schemaText(String docType, String version) {
        String resource = resource(docType, version);
        try (InputStream in = DocumentSchemas.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * The leaf fields of a doc type as generic paths, in the schema's order: {@code patient.name},
     * ..., {@code tests.value} (array items without an index). Read from the schema itself, so that
     * routing and other consumers never keep their own copy of the list.
     */
    public static java.util.List<String> leafPaths(String docType, String version) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(schemaText(docType, version));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable schema of " + docType + " v" + version, e);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        root.path("properties")
                .fields()
                .forEachRemaining(
                        section -> {
                            JsonNode node = section.getValue();
                            JsonNode props =
                                    "array".equals(node.path("type").asText())
                                            ? node.path("items").path("properties")
                                            : node.path("properties");
                            props.fieldNames()
                                    .forEachRemaining(
                                            leaf -> out.add(section.getKey() + "." + leaf));
                        });
        return java.util.List.copyOf(out);
    }

    /**
     * Validates a document.
     *
     * @return the violations, each naming the JSON path and the rule; empty when valid
     */
    public List<String> validate(String docType, String version, JsonNode document) {
        JsonSchema schema = schemas.get(docType + "/" + version);
        if (schema == null) {
            throw new IllegalArgumentException(
                    "Unknown doc type or version: " + docType + " v" + version);
        }
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream()
                .map(ValidationMessage::getMessage)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /** Parses and validates JSON text; text that is not JSON is one violation. */
    public List<String> validate(String docType, String version, String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return validate(docType, version, node);
    }

    private static String resource(String docType, String version) {
        String resource = RESOURCES.get(docType + "/" + version);
        if (resource == null) {
            throw new IllegalArgumentException(
                    "Unknown doc type or version: " + docType + " v" + version);
        }
        return resource;
    }

    private static JsonSchema load(JsonSchemaFactory factory, String resource) {
        try (InputStream in = DocumentSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class path resource " + resource);
            }
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
