package io.medvie.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the documented Confluent Schema Registry REST API (and of registries that implement it:
 * our {@code EmbeddedSchemaRegistry}, Confluent's, Apicurio's {@code /apis/ccompat/v7}).
 *
 * <p>Only documented endpoints are used, so that the client works against any of them. Schema ids
 * are immutable in a registry, so id to schema and (subject, schema) to id answers are cached for
 * the life of the client. Thread-safe.
 */
public final class SchemaRegistryClient {
    /** The media type of Confluent's API, version 1. */
    public static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final String ACCEPT =
            MEDIA_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int CACHE_CAPACITY = 1000;
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryClient.class);

    private final SchemaRegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final LruCache<Integer, String> schemasById = new LruCache<>(CACHE_CAPACITY);
    private final LruCache<Integer, Schema> avroSchemasById = new LruCache<>(CACHE_CAPACITY);
    private final LruCache<SubjectSchema, Integer> idsBySubjectSchema =
            new LruCache<>(CACHE_CAPACITY);
    private final LruCache<SubjectSchema, RegisteredSchema> lookups =
            new LruCache<>(CACHE_CAPACITY);

    private record SubjectSchema(String subject, String schema) {}

    public SchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = config;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(config.requestTimeout())
                        .build();
    }

    /** A client for one registry URL, no auth. */
    public static SchemaRegistryClient create(String url) {
        return new SchemaRegistryClient(SchemaRegistryClientConfig.of(url));
    }

    public SchemaRegistryClientConfig config() {
        return config;
    }

    // ---- schemas and subjects ----

    /**
     * Registers a schema under a subject ({@code POST /subjects/{subject}/versions}); answers the
     * id of the existing registration when the same schema is already there.
     *
     * @throws SchemaRegistryException 409 when incompatible, 422/42201 when invalid
     */
    public int register(String subject, String schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer =
                send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = requiredInt(answer, "id");
        idsBySubjectSchema.put(key, id);
        log.debug("Registered schema under subject {}: id {}", subject, id);
        return id;
    }

    /** {@link #register(String, String)} for an Avro schema. */
    public int register(String subject, Schema schema) {
        return register(subject, schema.toString());
    }

    /**
     * The schema text with this id ({@code GET /schemas/ids/{id}}).
     *
     * @throws SchemaRegistryException 404/40403 when there is none
     */
    public String getSchemaById(int id) {
        String cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        String schema = requiredText(answer, "schema");
        if (!"AVRO".equals(type)) {
            log.debug("Schema id {} is of type {}, not AVRO", id, type);
        }
        schemasById.put(id, schema);
        return schema;
    }

    /**
     * The Avro schema with this id, parsed and cached.
     *
     * @throws SchemaRegistryException 404/40403 when there is none, or when it is no Avro schema
     */
    public Schema getAvroSchemaById(int id) {
        Schema cached = avroSchemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String text = getSchemaById(id);
        Schema parsed;
        try {
            parsed = new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(
                    "schema id "
                            + id
                            + " from the registry is not an Avro schema: "
                            + e.getMessage(),
                    e);
        }
        avroSchemasById.put(id, parsed);
        return parsed;
    }

    /**
     * Finds a schema among the versions of a subject ({@code POST /subjects/{subject}}).
     *
     * @throws SchemaRegistryException 404/40401 when the subject is unknown, 404/40403 when the
     *     schema is not registered under it
     */
    public RegisteredSchema lookup(String subject, String schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        RegisteredSchema cached = lookups.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        RegisteredSchema found = registered(answer, subject);
        lookups.put(key, found);
        idsBySubjectSchema.put(key, found.id());
        return found;
    }

    /** {@link #lookup(String, String)}, empty when the subject or the schema is not there. */
    public Optional<RegisteredSchema> find(String subject, String schema) {
        try {
            return Optional.of(lookup(subject, schema));
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * One version of a subject ({@code GET /subjects/{subject}/versions/{version}}).
     *
     * @throws SchemaRegistryException 404/40401 unknown subject, 404/40402 unknown version
     */
    public RegisteredSchema getVersion(String subject, int version) {
        return registered(
                send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null),
                subject);
    }

    /** The latest version of a subject ({@code GET /subjects/{subject}/versions/latest}). */
    public RegisteredSchema getLatestVersion(String subject) {
        return registered(
                send("GET", "/subjects/" + encode(subject) + "/versions/latest", null), subject);
    }

    /** All subjects ({@code GET /subjects}). */
    public List<String> getSubjects() {
        List<String> subjects = new ArrayList<>();
        for (JsonNode node : send("GET", "/subjects", null)) {
            subjects.add(node.asText());
        }
        return subjects;
    }

    /** The versions of a subject ({@code GET /subjects/{subject}/versions}). */
    public List<Integer> getVersions(String subject) {
        List<Integer> versions = new ArrayList<>();
        for (JsonNode node : send("GET", "/subjects/" + encode(subject) + "/versions", null)) {
            versions.add(node.asInt());
        }
        return versions;
    }

    /**
     * Whether the registry would accept this schema as the next version of the subject ({@code POST
     * /compatibility/subjects/{subject}/versions/latest?verbose=true}).
     */
    public CompatibilityResult testCompatibility(String subject, String schema) {
        JsonNode answer =
                send(
                        "POST",
                        "/compatibility/subjects/"
                                + encode(subject)
                                + "/versions/latest?verbose=true",
                        schemaBody(schema));
        JsonNode flag = answer.get("is_compatible");
        if (flag == null || !flag.isBoolean()) {
            throw new SchemaRegistryException(
                    200, ErrorCodes.BAD_REQUEST, "answer has no boolean is_compatible: " + answer);
        }
        List<String> messages = new ArrayList<>();
        for (JsonNode message : answer.path("messages")) {
            messages.add(message.asText());
        }
        return new CompatibilityResult(flag.asBoolean(), messages);
    }

    // ---- config ----

    /** The global compatibility level ({@code GET /config}). */
    public CompatibilityLevel getGlobalCompatibility() {
        return level(send("GET", "/config", null), "compatibilityLevel");
    }

    /** Sets the global compatibility level ({@code PUT /config}); answers the level now set. */
    public CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        return level(send("PUT", "/config", levelBody(level)), "compatibility");
    }

    /**
     * The level set on this subject itself ({@code GET /config/{subject}}); empty when the subject
     * has none (the registry then applies the global level).
     */
    public Optional<CompatibilityLevel> getSubjectCompatibility(String subject) {
        try {
            return Optional.of(
                    level(send("GET", "/config/" + encode(subject), null), "compatibilityLevel"));
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Sets the level of one subject ({@code PUT /config/{subject}}); answers the level now set. */
    public CompatibilityLevel setSubjectCompatibility(String subject, CompatibilityLevel level) {
        return level(send("PUT", "/config/" + encode(subject), levelBody(level)), "compatibility");
    }

    // ---- HTTP ----

    private JsonNode send(String method, String pathAndQuery, ObjectNode body) {
        String bodyText;
        try {
            bodyText = body == null ? null : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
        SchemaRegistryException unreachable = null;
        for (URI base : config.urls()) {
            URI uri = URI.create(base.toString() + pathAndQuery);
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri)
                            .timeout(config.requestTimeout())
                            .header("Accept", ACCEPT)
                            .method(
                                    method,
                                    bodyText == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(
                                                    bodyText, StandardCharsets.UTF_8));
            if (bodyText != null) {
                request.header("Content-Type", MEDIA_TYPE);
            }
            config.authorization().ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> response;
            try {
                response =
                        http.send(
                                request.build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                log.warn(
                        "Schema registry {} unreachable for {} {}: {}",
                        base,
                        method,
                        pathAndQuery,
                        e.toString());
                unreachable =
                        new SchemaRegistryException(
                                "schema registry " + base + " unreachable: " + e, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling " + base, e);
            }
            return answer(response);
        }
        throw unreachable;
    }

    private JsonNode answer(HttpResponse<String> response) {
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        JsonNode node = null;
        if (!text.isBlank()) {
            try {
                node = json.readTree(text);
            } catch (JsonProcessingException e) {
                if (status / 100 == 2) {
                    throw new SchemaRegistryException(
                            status, ErrorCodes.BAD_REQUEST, "answer is not JSON: " + snippet(text));
                }
                // An error page from a proxy or a servlet container: keep its text as message.
            }
        }
        if (status / 100 == 2) {
            return node == null ? json.createObjectNode() : node;
        }
        int errorCode = status;
        String message = snippet(text);
        if (node != null && node.isObject()) {
            errorCode = node.path("error_code").asInt(status);
            message = node.path("message").asText(message);
        }
        throw new SchemaRegistryException(status, errorCode, message);
    }

    private static String snippet(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private ObjectNode schemaBody(String schema) {
        ObjectNode body = json.createObjectNode();
        body.put("schema", schema);
        return body;
    }

    private ObjectNode levelBody(CompatibilityLevel level) {
        ObjectNode body = json.createObjectNode();
        body.put("compatibility", level.name());
        return body;
    }

    private static RegisteredSchema registered(JsonNode answer, String subject) {
        return new RegisteredSchema(
                answer.path("subject").asText(subject),
                requiredInt(answer, "version"),
                requiredInt(answer, "id"),
                requiredText(answer, "schema"));
    }

    private static CompatibilityLevel level(JsonNode answer, String field) {
        // Registries differ in which of the two names they answer with; accept both.
        JsonNode value = answer.get(field);
        if (value == null) {
            value =
                    answer.get(
                            "compatibility".equals(field) ? "compatibilityLevel" : "compatibility");
        }
        String text = value == null ? null : value.asText();
        return CompatibilityLevel.parse(text)
                .orElseThrow(
                        () ->
                                new SchemaRegistryException(
                                        200,
                                        ErrorCodes.INVALID_COMPATIBILITY_LEVEL,
                                        "answer has no known compatibility level: " + answer));
    }

    private static int requiredInt(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException(
                    200, ErrorCodes.BAD_REQUEST, "answer has no integer " + field + ": " + answer);
        }
        return value.asInt();
    }

    private static String requiredText(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual()) {
            throw new SchemaRegistryException(
                    200, ErrorCodes.BAD_REQUEST, "answer has no text " + field + ": " + answer);
        }
        return value.asText();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Number of cached entries, for logs and tests. */
    public Map<String, Integer> cacheSizes() {
        return Map.of(
                "schemasById", schemasById.size(),
                "idsBySubjectSchema", idsBySubjectSchema.size(),
                "lookups", lookups.size());
    }
}
