package io.medvie.schemas.registry.server;

import io.medvie.schemas.registry.CompatibilityLevel;
import io.medvie.schemas.registry.ErrorCodes;
import io.medvie.schemas.registry.RegisteredSchema;
import io.medvie.schemas.registry.SchemaRegistryException;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations over its state and log. One lock serializes everything: writes are
 * rare, and a single writer is what keeps ids unique. Before deciding a write it reads the log to
 * its end, so records written by another registry on the same topic are seen; every change is in
 * the log (acknowledged by the broker) before it is applied and answered.
 */
final class SchemaRegistryService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryService.class);

    private final SchemaLog schemaLog;
    private final RegistryState state = new RegistryState();

    SchemaRegistryService(SchemaLog schemaLog) {
        this.schemaLog = schemaLog;
    }

    /** Reads the log to its end; returns the number of records read. */
    synchronized int load() {
        return schemaLog.readToEnd(state::apply);
    }

    synchronized int register(String subject, String schemaText) {
        Schema schema = RegistryState.parse(schemaText);
        catchUp();
        RegistryState.Registration registration = state.register(subject, schema);
        if (registration instanceof RegistryState.Registration.Existing existing) {
            return existing.schema().id();
        }
        LogRecord.SchemaVersion record = ((RegistryState.Registration.New) registration).record();
        long offset = write(record);
        log.info(
                "Registered subject {} version {} schema id {} (log offset {})",
                subject,
                record.version(),
                record.id(),
                offset);
        return record.id();
    }

    synchronized RegisteredSchema lookup(String subject, String schemaText) {
        if (!state.hasSubject(subject)) {
            throw new SchemaRegistryException(
                    404, ErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        Schema schema = RegistryState.parse(schemaText);
        return state.find(subject, schema.toString())
                .orElseThrow(
                        () ->
                                new SchemaRegistryException(
                                        404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema not found"));
    }

    synchronized String schemaById(int id) {
        return state.schemaById(id)
                .orElseThrow(
                        () ->
                                new SchemaRegistryException(
                                        404,
                                        ErrorCodes.SCHEMA_NOT_FOUND,
                                        "Schema " + id + " not found"));
    }

    synchronized List<String> subjects() {
        return state.subjects();
    }

    synchronized List<Integer> versions(String subject) {
        return state.versions(subject);
    }

    /** One version, or the latest when {@code version} is empty. */
    synchronized RegisteredSchema version(String subject, Optional<Integer> version) {
        return version.isPresent() ? state.version(subject, version.get()) : state.latest(subject);
    }

    /**
     * Incompatibilities with the latest version (every version for transitive levels; none when the
     * subject is new) or with one given version.
     */
    synchronized List<String> checkCompatibility(
            String subject, Optional<Integer> version, String schemaText) {
        Schema schema = RegistryState.parse(schemaText);
        if (version.isPresent()) {
            state.version(subject, version.get());
        }
        return state.checkCompatibility(subject, version, schema);
    }

    synchronized CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    synchronized void setLevel(Optional<String> subject, CompatibilityLevel level) {
        catchUp();
        long offset = write(new LogRecord.Config(subject, Optional.of(level)));
        log.info(
                "Compatibility of {} set to {} (log offset {})",
                subject.map(s -> "subject " + s).orElse("global config"),
                level,
                offset);
    }

    synchronized int schemaCount() {
        return state.schemaCount();
    }

    synchronized int subjectCount() {
        return state.subjects().size();
    }

    private void catchUp() {
        try {
            schemaLog.readToEnd(state::apply);
        } catch (RuntimeException e) {
            throw storeError("cannot read the schema log", e);
        }
    }

    private long write(LogRecord record) {
        long offset;
        try {
            offset = schemaLog.append(record);
        } catch (RuntimeException e) {
            throw storeError("cannot write the schema log", e);
        }
        state.apply(record);
        return offset;
    }

    private static SchemaRegistryException storeError(String what, RuntimeException e) {
        log.error("{}: {}", what, e.toString(), e);
        return new SchemaRegistryException(500, ErrorCodes.STORE_ERROR, what + ": " + e);
    }

    @Override
    public synchronized void close() {
        schemaLog.close();
    }
}
