package io.medvie.schemas.registry.server;

import io.medvie.schemas.registry.CompatibilityLevel;
import java.util.Optional;

/** One entry of the registry's log (the {@code _schemas} topic). */
sealed interface LogRecord {

    /** A schema registered as a version of a subject. */
    record SchemaVersion(String subject, int version, int id, String schema) implements LogRecord {}

    /**
     * The compatibility level of a subject, or the global one when {@code subject} is empty; an
     * empty level removes a subject's own level.
     */
    record Config(Optional<String> subject, Optional<CompatibilityLevel> level)
            implements LogRecord {}
}
