package io.medvie.schemas.setup;

import io.medvie.schemas.EventTypes;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.registry.CompatibilityLevel;
import io.medvie.schemas.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a production cluster for the services, what the embedded platform does at its start:
 * creates the missing topics of {@link Topics#ALL} (with their partitions and cleanup settings),
 * sets the registry's global compatibility and registers every event schema. Run once before the
 * services (a deployment's init job); running it again changes nothing. Settings from an optional
 * properties file (the only argument) overlaid by environment variables:
 *
 * <ul>
 *   <li>{@code kafka.*} (required {@code kafka.bootstrap.servers}; TLS/SASL passed through)
 *   <li>{@code schema.registry.url} (required)
 *   <li>{@code medvie.setup.replication.factor} (default 3; 1 on a one-broker cluster)
 *   <li>{@code medvie.setup.compatibility} (default BACKWARD; a registry such as Apicurio has no
 *       default rule)
 * </ul>
 */
public final class PlatformSetupApp {
    private static final Logger log = LoggerFactory.getLogger(PlatformSetupApp.class);

    private PlatformSetupApp() {}

    /** What one run did. */
    public record Result(List<String> createdTopics, Map<String, Integer> schemaIds) {}

    public static void main(String[] args) throws Exception {
        Settings settings =
                Settings.of(
                        Settings.readProperties(args.length == 0 ? null : Path.of(args[0])),
                        System.getenv());
        Result result = run(settings);
        log.info(
                "Platform ready: {} topics created, {} schemas registered",
                result.createdTopics().size(),
                result.schemaIds().size());
    }

    public static Result run(Settings s) throws InterruptedException {
        Map<String, Object> kafka = s.kafkaClientProps();
        if (!kafka.containsKey("bootstrap.servers")) {
            s.required("kafka.bootstrap.servers");
        }
        String registryUrl = s.required("schema.registry.url");
        short replication = (short) s.integer("medvie.setup.replication.factor", 3, 1, 32);
        String rawLevel = s.string("medvie.setup.compatibility", "BACKWARD");
        CompatibilityLevel level;
        try {
            level = CompatibilityLevel.valueOf(rawLevel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Setting medvie.setup.compatibility (env MEDVIE_SETUP_COMPATIBILITY) is '"
                            + rawLevel
                            + "', expected one of "
                            + List.of(CompatibilityLevel.values()),
                    e);
        }

        List<String> created = TopicSetup.ensure(kafka, Topics.ALL, replication);
        SchemaRegistryClient registry = SchemaRegistryClient.create(registryUrl);
        registry.setGlobalCompatibility(level);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> e : EventTypes.valueSchemas().entrySet()) {
            String subject = Topics.valueSubject(e.getKey());
            ids.put(subject, registry.register(subject, e.getValue()));
        }
        return new Result(created, ids);
    }
}
