package io.medvie.schemas.registry.server;

import io.medvie.schemas.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility rules on top of Avro's {@link SchemaCompatibility}: BACKWARD means the
 * new schema reads what the previous one wrote, FORWARD the reverse, FULL both; the transitive
 * levels check every earlier version, the others only the latest.
 */
final class AvroCompatibility {
    private AvroCompatibility() {}

    /**
     * Why {@code candidate} may not follow {@code previous} (oldest first) under {@code level};
     * empty when it may.
     */
    static List<String> incompatibilities(
            CompatibilityLevel level, Schema candidate, List<Schema> previous) {
        List<String> messages = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return messages;
        }
        List<Schema> checked =
                level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
        for (Schema earlier : checked) {
            if (level.backward()) {
                describe("BACKWARD", candidate, earlier, messages);
            }
            if (level.forward()) {
                describe("FORWARD", earlier, candidate, messages);
            }
        }
        return messages;
    }

    private static void describe(String kind, Schema reader, Schema writer, List<String> out) {
        SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            out.add(
                    kind
                            + ": "
                            + incompatibility.getType()
                            + " at "
                            + incompatibility.getLocation()
                            + ": "
                            + incompatibility.getMessage());
        }
        if (result.getIncompatibilities().isEmpty()) {
            out.add(kind + ": incompatible");
        }
    }
}
