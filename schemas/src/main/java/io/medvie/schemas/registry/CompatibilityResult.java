package io.medvie.schemas.registry;

import java.util.List;

/**
 * Answer of a compatibility check.
 *
 * @param compatible whether the registry would accept the schema
 * @param messages the reasons the registry gave (empty when it gave none)
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
