package io.medvie.schemas.serde;

import io.medvie.schemas.registry.SchemaRegistryClientConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link AvroSerializer} and {@link AvroDeserializer}, under Confluent's keys, so that
 * producer and consumer properties written for Confluent's serdes work unchanged.
 *
 * @param registry how to reach the registry ({@code schema.registry.url}, auth)
 * @param autoRegisterSchemas register the writer schema when absent; when false, look it up and
 *     fail if it is not registered
 * @param specificAvroReader deserialize into generated {@code SpecificRecord} classes instead of
 *     {@code GenericRecord}
 * @param specificType the generated class to read into, when set (else found by the writer schema's
 *     full name)
 */
public record AvroSerdeConfig(
        SchemaRegistryClientConfig registry,
        boolean autoRegisterSchemas,
        boolean specificAvroReader,
        Optional<String> specificType) {

    public static final String SCHEMA_REGISTRY_URL = SchemaRegistryClientConfig.URL;
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    /**
     * Reads the settings of a key ({@code isKey}) or value serde.
     *
     * @throws ConfigException naming the setting and the reason
     */
    public static AvroSerdeConfig fromMap(Map<String, ?> props, boolean isKey) {
        return new AvroSerdeConfig(
                SchemaRegistryClientConfig.fromMap(props),
                autoRegister(props),
                specificReader(props, isKey),
                specificType(props, isKey));
    }

    /** {@code auto.register.schemas}, default true. */
    static boolean autoRegister(Map<String, ?> props) {
        return bool(props, AUTO_REGISTER_SCHEMAS, true);
    }

    /** {@code specific.avro.reader}, also true when a specific type is named. */
    static boolean specificReader(Map<String, ?> props, boolean isKey) {
        return bool(props, SPECIFIC_AVRO_READER, false) || specificType(props, isKey).isPresent();
    }

    /** {@code specific.avro.key.type} or {@code specific.avro.value.type}. */
    static Optional<String> specificType(Map<String, ?> props, boolean isKey) {
        return Optional.ofNullable(
                        props.get(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE))
                .map(Object::toString)
                .map(String::trim)
                .filter(s -> !s.isEmpty());
    }

    private static boolean bool(Map<String, ?> props, String key, boolean fallback) {
        Object value = props.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, value, "must be true or false");
        };
    }
}
