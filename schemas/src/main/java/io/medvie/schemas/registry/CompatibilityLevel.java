package io.medvie.schemas.registry;

import java.util.Locale;
import java.util.Optional;

/** Compatibility levels of Confluent Schema Registry. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must read data written with the earlier one(s). */
    public boolean backward() {
        return backward;
    }

    /** The earlier schema(s) must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every earlier version, not just the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level name as the REST API spells it (case-insensitive); empty when unknown. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
