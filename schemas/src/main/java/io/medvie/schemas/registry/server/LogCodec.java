package io.medvie.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.schemas.registry.CompatibilityLevel;
import java.io.IOException;
import java.util.Optional;

/**
 * Keys and values of the {@code _schemas} topic, as JSON in the layout of Confluent's own {@code
 * _schemas} topic: key {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} with value
 * {@code {"subject":..,"version":..,"id":..,"schema":..,"deleted":false}}, and key {@code
 * {"keytype":"CONFIG","subject":..|null,"magic":0}} with value {@code {"compatibilityLevel":..}}.
 * Keys are written with a fixed field order, so that compaction keeps one record per schema version
 * and per config.
 */
final class LogCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record as key and value bytes; a null value is a tombstone. */
    record Encoded(byte[] key, byte[] value) {}

    private LogCodec() {}

    static Encoded encode(LogRecord record) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode value = JSON.createObjectNode();
        if (record instanceof LogRecord.SchemaVersion schema) {
            key.put("keytype", "SCHEMA");
            key.put("subject", schema.subject());
            key.put("version", schema.version());
            key.put("magic", 1);
            value.put("subject", schema.subject());
            value.put("version", schema.version());
            value.put("id", schema.id());
            value.put("schema", schema.schema());
            value.put("deleted", false);
            return new Encoded(bytes(key), bytes(value));
        }
        LogRecord.Config config = (LogRecord.Config) record;
        key.put("keytype", "CONFIG");
        if (config.subject().isPresent()) {
            key.put("subject", config.subject().get());
        } else {
            key.putNull("subject");
        }
        key.put("magic", 0);
        if (config.level().isEmpty()) {
            return new Encoded(bytes(key), null);
        }
        value.put("compatibilityLevel", config.level().get().name());
        return new Encoded(bytes(key), bytes(value));
    }

    /**
     * The record stored under this key and value; empty for record kinds this registry does not use
     * (Confluent's NOOP, MODE, ...) and for tombstones of schema versions.
     *
     * @throws IllegalArgumentException when the bytes are not a record of a known kind
     */
    static Optional<LogRecord> decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = tree(keyBytes, "key");
        String kind = key.path("keytype").asText("");
        switch (kind) {
            case "SCHEMA" -> {
                if (valueBytes == null) {
                    return Optional.empty();
                }
                JsonNode value = tree(valueBytes, "value");
                if (value.path("deleted").asBoolean(false)) {
                    return Optional.empty();
                }
                return Optional.of(
                        new LogRecord.SchemaVersion(
                                required(value, "subject").asText(),
                                required(value, "version").asInt(),
                                required(value, "id").asInt(),
                                required(value, "schema").asText()));
            }
            case "CONFIG" -> {
                JsonNode subjectNode = key.get("subject");
                Optional<String> subject =
                        subjectNode == null || subjectNode.isNull()
                                ? Optional.empty()
                                : Optional.of(subjectNode.asText());
                if (valueBytes == null) {
                    return Optional.of(new LogRecord.Config(subject, Optional.empty()));
                }
                String level = required(tree(valueBytes, "value"), "compatibilityLevel").asText();
                return Optional.of(
                        new LogRecord.Config(
                                subject,
                                Optional.of(
                                        CompatibilityLevel.parse(level)
                                                .orElseThrow(
                                                        () ->
                                                                new IllegalArgumentException(
                                                                        "unknown compatibility"
                                                                                + " level "
                                                                                + level)))));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("record value has no " + field);
        }
        return value;
    }

    private static JsonNode tree(byte[] bytes, String what) {
        if (bytes == null) {
            throw new IllegalArgumentException("record has no " + what);
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("record " + what + " is not JSON: " + e, e);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a log record", e);
        }
    }
}
