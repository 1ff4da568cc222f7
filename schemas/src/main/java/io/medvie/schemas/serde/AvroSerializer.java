package io.medvie.schemas.serde;

import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer of Avro records ({@code SpecificRecord}, {@code GenericRecord}, and the Avro
 * primitives: null, Boolean, Integer, Long, Float, Double, CharSequence, byte[], ByteBuffer) in
 * Confluent's wire format, the schema under subject {@code <topic>-value} or {@code <topic>-key}.
 *
 * <p>Configured with {@code schema.registry.url}, {@code auto.register.schemas} (default true) and
 * the auth keys of {@link io.medvie.schemas.registry.SchemaRegistryClientConfig}. Schema ids are
 * cached per topic and schema, so the registry is asked once per schema.
 */
public class AvroSerializer<T> implements Serializer<T> {
    private SchemaRegistryClient client;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<TopicSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    private record TopicSchema(String topic, Schema schema) {}

    private record WriterKey(Schema schema, Class<?> type) {}

    /** For Kafka, which configures it through {@link #configure(Map, boolean)}. */
    public AvroSerializer() {}

    /** Shares a client; {@link #configure(Map, boolean)} is still needed for the other keys. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (client == null) {
            AvroSerdeConfig config = AvroSerdeConfig.fromMap(configs, isKey);
            this.client = new SchemaRegistryClient(config.registry());
            this.autoRegister = config.autoRegisterSchemas();
        } else {
            // A shared client: the map may have no URL.
            this.autoRegister = AvroSerdeConfig.autoRegister(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new SerializationException(
                    "AvroSerializer is not configured: call configure() with "
                            + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        Schema schema = schemaOf(data);
        // Avro's writers take bytes as ByteBuffer only.
        Object datum = data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data;
        int id = ids.computeIfAbsent(new TopicSchema(topic, schema), this::schemaId);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(WireFormat.header(id));
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(
                            new WriterKey(schema, datum.getClass()), AvroSerializer::writerFor)
                    .write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | AvroRuntimeException | ClassCastException e) {
            throw new SerializationException(
                    "cannot encode a " + schema.getFullName() + " for topic " + topic + ": " + e,
                    e);
        }
    }

    private int schemaId(TopicSchema key) {
        String subject = subject(key.topic(), isKey);
        String text = key.schema().toString();
        try {
            if (autoRegister) {
                return client.register(subject, text);
            }
            return client.find(subject, text)
                    .orElseThrow(
                            () ->
                                    new SerializationException(
                                            "schema "
                                                    + key.schema().getFullName()
                                                    + " is not registered under subject "
                                                    + subject
                                                    + " and "
                                                    + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS
                                                    + " is false"))
                    .id();
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "cannot get an id for schema "
                            + key.schema().getFullName()
                            + " under subject "
                            + subject
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Confluent's TopicNameStrategy. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    /** The Avro schema of a datum the serializer accepts. */
    static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (data instanceof CharSequence) {
            return Schema.create(Schema.Type.STRING);
        }
        if (data instanceof Integer) {
            return Schema.create(Schema.Type.INT);
        }
        if (data instanceof Long) {
            return Schema.create(Schema.Type.LONG);
        }
        if (data instanceof Boolean) {
            return Schema.create(Schema.Type.BOOLEAN);
        }
        if (data instanceof Double) {
            return Schema.create(Schema.Type.DOUBLE);
        }
        if (data instanceof Float) {
            return Schema.create(Schema.Type.FLOAT);
        }
        if (data instanceof byte[] || data instanceof ByteBuffer) {
            return Schema.create(Schema.Type.BYTES);
        }
        throw new SerializationException(
                "cannot serialize a "
                        + data.getClass().getName()
                        + ": expected an Avro record (SpecificRecord, GenericRecord) or an Avro"
                        + " primitive");
    }

    private static DatumWriter<Object> writerFor(WriterKey key) {
        if (SpecificRecord.class.isAssignableFrom(key.type())) {
            // The generated class's own model carries its logical type conversions.
            return new SpecificDatumWriter<>(key.schema(), SpecificData.getForClass(key.type()));
        }
        if (GenericContainer.class.isAssignableFrom(key.type())) {
            return new GenericDatumWriter<>(key.schema(), GenericData.get());
        }
        // Primitives: CharSequence, boxed numbers, ByteBuffer.
        return new SpecificDatumWriter<>(key.schema(), SpecificData.get());
    }

    @Override
    public void close() {
        // The HTTP client holds no resources that need closing on Java 17.
    }
}
