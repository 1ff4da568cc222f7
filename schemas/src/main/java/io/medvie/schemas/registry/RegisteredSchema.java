package io.medvie.schemas.registry;

import java.util.Objects;

/**
 * A schema as registered under a subject: what {@code GET /subjects/{s}/versions/{v}} and {@code
 * POST /subjects/{s}} answer.
 *
 * @param subject the subject
 * @param version the version within the subject, from 1
 * @param id the registry-wide schema id (the one in the wire format)
 * @param schema the schema text as the registry stores it
 */
public record RegisteredSchema(String subject, int version, int id, String schema) {
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
