package io.medvie.schemas.registry.server;

import io.medvie.schemas.registry.CompatibilityLevel;
import io.medvie.schemas.registry.ErrorCodes;
import io.medvie.schemas.registry.RegisteredSchema;
import io.medvie.schemas.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * What the registry knows, rebuilt from its log, and the decisions Confluent's registry makes on
 * it. Pure and single-threaded: {@link SchemaRegistryService} serializes access.
 *
 * <p>Schemas are compared in their normalized JSON form ({@link Schema#toString()} of the parsed
 * schema): whitespace and attribute order do not matter, docs and defaults do.
 */
final class RegistryState {
    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final Map<String, TreeMap<Integer, LogRecord.SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private int maxId;

    /** What a registration leads to: an existing version, or a new one to write. */
    sealed interface Registration {
        record Existing(RegisteredSchema schema) implements Registration {}

        record New(LogRecord.SchemaVersion record) implements Registration {}
    }

    // ---- applying the log ----

    /** Applies a record; applying the same record again changes nothing. */
    void apply(LogRecord record) {
        if (record instanceof LogRecord.SchemaVersion schema) {
            subjects.computeIfAbsent(schema.subject(), s -> new TreeMap<>())
                    .put(schema.version(), schema);
            schemasById.put(schema.id(), schema.schema());
            idsBySchema.putIfAbsent(schema.schema(), schema.id());
            maxId = Math.max(maxId, schema.id());
        } else if (record instanceof LogRecord.Config config) {
            if (config.subject().isEmpty()) {
                globalLevel = config.level().orElse(DEFAULT_LEVEL);
            } else if (config.level().isPresent()) {
                subjectLevels.put(config.subject().get(), config.level().get());
            } else {
                subjectLevels.remove(config.subject().get());
            }
        }
    }

    // ---- decisions ----

    /** Parses and normalizes a schema, or fails with Confluent's 422/42201. */
    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SchemaRegistryException(422, ErrorCodes.INVALID_SCHEMA, "Empty schema");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException | NullPointerException e) {
            throw new SchemaRegistryException(
                    422, ErrorCodes.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }

    /**
     * Confluent's registration: the same schema under the subject answers its existing version;
     * otherwise it must pass the subject's compatibility level, and gets the id the same schema has
     * under any subject, or a new one.
     *
     * @throws SchemaRegistryException 409 when incompatible
     */
    Registration register(String subject, Schema schema) {
        String normalized = schema.toString();
        Optional<RegisteredSchema> existing = find(subject, normalized);
        if (existing.isPresent()) {
            return new Registration.Existing(existing.get());
        }
        CompatibilityLevel level = effectiveLevel(subject);
        List<String> problems =
                AvroCompatibility.incompatibilities(level, schema, history(subject));
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(
                    409,
                    ErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \""
                            + subject
                            + "\" under compatibility level "
                            + level
                            + ", details: "
                            + problems);
        }
        int id = idsBySchema.getOrDefault(normalized, maxId + 1);
        TreeMap<Integer, LogRecord.SchemaVersion> versions = subjects.get(subject);
        int version = versions == null ? 1 : versions.lastKey() + 1;
        return new Registration.New(new LogRecord.SchemaVersion(subject, version, id, normalized));
    }

    /**
     * Incompatibilities of a candidate with the latest version (and every version for transitive
     * levels), or with one given version.
     */
    List<String> checkCompatibility(String subject, Optional<Integer> version, Schema candidate) {
        CompatibilityLevel level = effectiveLevel(subject);
        if (version.isEmpty()) {
            return AvroCompatibility.incompatibilities(level, candidate, history(subject));
        }
        RegisteredSchema against = version(subject, version.get());
        return AvroCompatibility.incompatibilities(
                level, candidate, List.of(parse(against.schema())));
    }

    // ---- queries ----

    boolean hasSubject(String subject) {
        return subjects.containsKey(subject);
    }

    List<String> subjects() {
        return new ArrayList<>(subjects.keySet());
    }

    /**
     * @throws SchemaRegistryException 404/40401 for an unknown subject
     */
    List<Integer> versions(String subject) {
        return new ArrayList<>(versionsOf(subject).keySet());
    }

    /**
     * @throws SchemaRegistryException 404/40401 unknown subject, 404/40402 unknown version
     */
    RegisteredSchema version(String subject, int version) {
        LogRecord.SchemaVersion found = versionsOf(subject).get(version);
        if (found == null) {
            throw new SchemaRegistryException(
                    404,
                    ErrorCodes.VERSION_NOT_FOUND,
                    "Version " + version + " not found for subject " + subject);
        }
        return registered(found);
    }

    /**
     * @throws SchemaRegistryException 404/40401 for an unknown subject
     */
    RegisteredSchema latest(String subject) {
        return registered(versionsOf(subject).lastEntry().getValue());
    }

    /** The version of the subject holding this normalized schema. */
    Optional<RegisteredSchema> find(String subject, String normalized) {
        TreeMap<Integer, LogRecord.SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.values().stream()
                .filter(v -> v.schema().equals(normalized))
                .findFirst()
                .map(RegistryState::registered);
    }

    Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    int schemaCount() {
        return schemasById.size();
    }

    private List<Schema> history(String subject) {
        TreeMap<Integer, LogRecord.SchemaVersion> versions = subjects.get(subject);
        List<Schema> schemas = new ArrayList<>();
        if (versions != null) {
            for (LogRecord.SchemaVersion version : versions.values()) {
                schemas.add(parse(version.schema()));
            }
        }
        return schemas;
    }

    private TreeMap<Integer, LogRecord.SchemaVersion> versionsOf(String subject) {
        TreeMap<Integer, LogRecord.SchemaVersion> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(
                    404, ErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private static RegisteredSchema registered(LogRecord.SchemaVersion version) {
        return new RegisteredSchema(
                version.subject(), version.version(), version.id(), version.schema());
    }
}
