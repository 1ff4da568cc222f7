package io.medvie.schemas.serde;

import io.medvie.schemas.registry.ErrorCodes;
import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer of Confluent wire format Avro payloads.
 *
 * <p>The writer schema is fetched by the id in the payload (cached by the client). With {@code
 * specific.avro.reader=true} the datum is read into the generated class named like the writer
 * schema (or the one named by {@code specific.avro.value.type} / {@code specific.avro.key.type}),
 * with that class's schema as reader schema, so Avro's schema resolution turns older or newer data
 * into the shape the consumer was compiled against. Otherwise it yields {@code GenericRecord} with
 * the writer schema; Avro strings come back as {@code String} when the datum is a bare string.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    private SchemaRegistryClient client;
    private boolean specific;
    private Optional<String> specificType = Optional.empty();
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka, which configures it through {@link #configure(Map, boolean)}. */
    public AvroDeserializer() {}

    /** Shares a client; {@link #configure(Map, boolean)} is still needed for the other keys. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            AvroSerdeConfig config = AvroSerdeConfig.fromMap(configs, isKey);
            this.client = new SchemaRegistryClient(config.registry());
            this.specific = config.specificAvroReader();
            this.specificType = config.specificType();
        } else {
            // A shared client: the map may have no URL.
            this.specific = AvroSerdeConfig.specificReader(configs, isKey);
            this.specificType = AvroSerdeConfig.specificType(configs, isKey);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new SerializationException(
                    "AvroDeserializer is not configured: call configure() with "
                            + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        int id = WireFormat.schemaId(data);
        DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
        BinaryDecoder decoder =
                DecoderFactory.get()
                        .binaryDecoder(
                                data,
                                WireFormat.HEADER_SIZE,
                                data.length - WireFormat.HEADER_SIZE,
                                null);
        try {
            Object datum = reader.read(null, decoder);
            if (datum instanceof Utf8 utf8) {
                datum = utf8.toString();
            }
            return (T) datum;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException(
                    "cannot decode "
                            + (data.length - WireFormat.HEADER_SIZE)
                            + " Avro bytes of schema id "
                            + id
                            + " from topic "
                            + topic
                            + ": "
                            + e,
                    e);
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer;
        try {
            writer = client.getAvroSchemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == ErrorCodes.SCHEMA_NOT_FOUND || e.httpStatus() == 404) {
                throw new SerializationException(
                        "unknown schema id " + id + ": the registry has no such schema", e);
            }
            throw new SerializationException(
                    "cannot fetch schema id " + id + ": " + e.getMessage(), e);
        }
        if (!specific || !isNamed(writer)) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        Class<?> type = specificClass(writer, id);
        SpecificData model = SpecificData.getForClass(type);
        Schema readerSchema = model.getSchema(type);
        return new SpecificDatumReader<>(writer, readerSchema, model);
    }

    private Class<?> specificClass(Schema writer, int id) {
        String name = specificType.orElse(writer.getFullName());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, true, loader == null ? getClass().getClassLoader() : loader);
        } catch (ClassNotFoundException e) {
            throw new SerializationException(
                    "specific.avro.reader is true but there is no generated class "
                            + name
                            + " on the class path for schema id "
                            + id,
                    e);
        }
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    @Override
    public void close() {
        // Nothing to release: the HTTP client and caches go with the deserializer.
    }
}
