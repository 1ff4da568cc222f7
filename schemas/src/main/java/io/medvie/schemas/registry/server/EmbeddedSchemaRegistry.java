package io.medvie.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.medvie.schemas.registry.CompatibilityLevel;
import io.medvie.schemas.registry.ErrorCodes;
import io.medvie.schemas.registry.RegisteredSchema;
import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry serving the documented Confluent REST API (the subset {@link
 * SchemaRegistryClient} uses, plus a few read-only extras), storing everything in a compacted Kafka
 * topic, so that a restart on the same cluster serves the same ids.
 *
 * <p>Avro only; no schema references, no deletes, no modes or contexts. Compatibility is BACKWARD
 * unless configured otherwise, checked with Avro's {@code SchemaCompatibility}.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String VALID_LEVELS =
            Arrays.stream(CompatibilityLevel.values())
                    .map(l -> l.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));

    private final ObjectMapper json = new ObjectMapper();
    private final SchemaRegistryService service;
    private final Javalin app;
    private final String url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedSchemaRegistry(RegistryServerConfig config, SchemaRegistryService service) {
        this.service = service;
        this.app = Javalin.create(cfg -> configure(cfg, config));
        app.start(config.host(), config.port());
        this.url = "http://" + config.host() + ":" + app.port();
    }

    /**
     * Starts on loopback at {@code port} (0 = any free port), storing in topic {@code _schemas}.
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
        return start(RegistryServerConfig.of(bootstrapServers, port));
    }

    /**
     * Creates the log topic if absent, reads it to its end, then serves HTTP.
     *
     * @throws IllegalStateException when the cluster or the topic is unusable
     */
    public static EmbeddedSchemaRegistry start(RegistryServerConfig config) {
        long started = System.nanoTime();
        SchemaLog schemaLog =
                SchemaLog.open(config.bootstrapServers(), config.topic(), config.kafkaTimeout());
        SchemaRegistryService service = new SchemaRegistryService(schemaLog);
        try {
            int records = service.load();
            EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(config, service);
            log.info(
                    "Schema registry at {} on topic {}: {} log records, {} subjects, {} schemas,"
                            + " started in {} ms",
                    registry.url,
                    config.topic(),
                    records,
                    service.subjectCount(),
                    service.schemaCount(),
                    (System.nanoTime() - started) / 1_000_000);
            return registry;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The base URL, for example {@code http://127.0.0.1:8081}, to give as schema.registry.url. */
    public String url() {
        return url;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        app.stop();
        service.close();
        log.info("Schema registry at {} stopped", url);
    }

    private void configure(io.javalin.config.JavalinConfig cfg, RegistryServerConfig config) {
        cfg.startup.showJavalinBanner = false;
        cfg.jetty.host = config.host();
        cfg.jetty.port = config.port();
        cfg.routes.exception(
                SchemaRegistryException.class,
                (e, ctx) -> error(ctx, e.httpStatus(), e.errorCode(), e.registryMessage()));
        cfg.routes.exception(
                Exception.class,
                (e, ctx) -> {
                    log.error("Schema registry request {} {} failed", ctx.method(), ctx.path(), e);
                    error(ctx, 500, ErrorCodes.STORE_ERROR, "Internal error: " + e);
                });

        cfg.routes.get("/", ctx -> reply(ctx, json.createObjectNode()));
        cfg.routes.get("/schemas/types", ctx -> reply(ctx, List.of("AVRO")));
        cfg.routes.get(
                "/schemas/ids/{id}",
                ctx -> {
                    ObjectNode body = json.createObjectNode();
                    body.put("schema", service.schemaById(schemaId(ctx)));
                    reply(ctx, body);
                });
        cfg.routes.get("/subjects", ctx -> reply(ctx, service.subjects()));
        cfg.routes.get(
                "/subjects/{subject}/versions",
                ctx -> reply(ctx, service.versions(ctx.pathParam("subject"))));
        cfg.routes.post(
                "/subjects/{subject}/versions",
                ctx -> {
                    int id = service.register(ctx.pathParam("subject"), schemaText(ctx));
                    ObjectNode body = json.createObjectNode();
                    body.put("id", id);
                    reply(ctx, body);
                });
        cfg.routes.get(
                "/subjects/{subject}/versions/{version}",
                ctx ->
                        reply(
                                ctx,
                                registered(
                                        service.version(ctx.pathParam("subject"), version(ctx)))));
        cfg.routes.get(
                "/subjects/{subject}/versions/{version}/schema",
                ctx ->
                        ctx.contentType(SchemaRegistryClient.MEDIA_TYPE)
                                .result(
                                        service.version(ctx.pathParam("subject"), version(ctx))
                                                .schema()
                                                .getBytes(StandardCharsets.UTF_8)));
        cfg.routes.post(
                "/subjects/{subject}",
                ctx ->
                        reply(
                                ctx,
                                registered(
                                        service.lookup(
                                                ctx.pathParam("subject"), schemaText(ctx)))));
        cfg.routes.post(
                "/compatibility/subjects/{subject}/versions/{version}",
                ctx -> {
                    List<String> problems =
                            service.checkCompatibility(
                                    ctx.pathParam("subject"), version(ctx), schemaText(ctx));
                    ObjectNode body = json.createObjectNode();
                    body.put("is_compatible", problems.isEmpty());
                    if ("true".equalsIgnoreCase(ctx.queryParam("verbose"))) {
                        ArrayNode messages = body.putArray("messages");
                        problems.forEach(messages::add);
                    }
                    reply(ctx, body);
                });
        cfg.routes.get("/config", ctx -> reply(ctx, levelBody(service.globalLevel())));
        cfg.routes.put(
                "/config",
                ctx -> {
                    CompatibilityLevel level = levelFrom(ctx);
                    service.setLevel(Optional.empty(), level);
                    reply(ctx, setBody(level));
                });
        cfg.routes.get(
                "/config/{subject}",
                ctx -> {
                    String subject = ctx.pathParam("subject");
                    Optional<CompatibilityLevel> level = service.subjectLevel(subject);
                    if (level.isEmpty()
                            && "true".equalsIgnoreCase(ctx.queryParam("defaultToGlobal"))) {
                        level = Optional.of(service.globalLevel());
                    }
                    reply(
                            ctx,
                            levelBody(
                                    level.orElseThrow(
                                            () ->
                                                    new SchemaRegistryException(
                                                            404,
                                                            ErrorCodes
                                                                    .SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                                                            "Subject '"
                                                                    + subject
                                                                    + "' does not have"
                                                                    + " subject-level compatibility"
                                                                    + " configured"))));
                });
        cfg.routes.put(
                "/config/{subject}",
                ctx -> {
                    CompatibilityLevel level = levelFrom(ctx);
                    service.setLevel(Optional.of(ctx.pathParam("subject")), level);
                    reply(ctx, setBody(level));
                });
    }

    // ---- request parsing ----

    private JsonNode body(Context ctx) {
        // JSON is UTF-8; clients rarely name a charset, and Jetty's default would be ISO-8859-1.
        String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new SchemaRegistryException(422, 422, "Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(
                    400, ErrorCodes.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage());
        }
    }

    private String schemaText(Context ctx) {
        JsonNode body = body(ctx);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException(
                    422,
                    ErrorCodes.INVALID_SCHEMA,
                    "Unsupported schema type " + type + ": this registry stores AVRO only");
        }
        if (body.path("references").size() > 0) {
            throw new SchemaRegistryException(
                    422,
                    ErrorCodes.INVALID_SCHEMA,
                    "Schema references are not supported by this registry");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new SchemaRegistryException(
                    422, ErrorCodes.INVALID_SCHEMA, "Request body has no text field 'schema'");
        }
        return schema.asText();
    }

    private static int schemaId(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(
                    404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema " + raw + " not found");
        }
    }

    /** Empty for "latest" or -1, as Confluent's API allows. */
    private static Optional<Integer> version(Context ctx) {
        String raw = ctx.pathParam("version");
        if ("latest".equalsIgnoreCase(raw) || "-1".equals(raw)) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(raw);
            if (version >= 1) {
                return Optional.of(version);
            }
        } catch (NumberFormatException e) {
            // Not a number: answered below with Confluent's 42202 like any other bad version.
        }
        throw new SchemaRegistryException(
                422,
                ErrorCodes.INVALID_VERSION,
                "The specified version '"
                        + raw
                        + "' is not a valid version id. Allowed values are between [1, 2^31-1]"
                        + " and the string \"latest\"");
    }

    private CompatibilityLevel levelFrom(Context ctx) {
        JsonNode value = body(ctx).get("compatibility");
        String raw = value == null ? null : value.asText();
        return CompatibilityLevel.parse(raw)
                .orElseThrow(
                        () ->
                                new SchemaRegistryException(
                                        422,
                                        ErrorCodes.INVALID_COMPATIBILITY_LEVEL,
                                        "Invalid compatibility level "
                                                + raw
                                                + ". Valid values are: "
                                                + VALID_LEVELS));
    }

    // ---- answers ----

    private ObjectNode registered(RegisteredSchema schema) {
        ObjectNode body = json.createObjectNode();
        body.put("subject", schema.subject());
        body.put("version", schema.version());
        body.put("id", schema.id());
        body.put("schema", schema.schema());
        return body;
    }

    private ObjectNode levelBody(CompatibilityLevel level) {
        ObjectNode body = json.createObjectNode();
        body.put("compatibilityLevel", level.name());
        return body;
    }

    private ObjectNode setBody(CompatibilityLevel level) {
        ObjectNode body = json.createObjectNode();
        body.put("compatibility", level.name());
        return body;
    }

    private void reply(Context ctx, Object body) throws JsonProcessingException {
        ctx.status(200)
                .contentType(SchemaRegistryClient.MEDIA_TYPE)
                .result(json.writeValueAsBytes(body));
    }

    private void error(Context ctx, int status, int errorCode, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("error_code", errorCode);
        body.put("message", message);
        // Bytes, not a String: Jetty would encode a String as ISO-8859-1 for this media type.
        ctx.status(status)
                .contentType(SchemaRegistryClient.MEDIA_TYPE)
                .result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
