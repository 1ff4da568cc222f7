package io.medvie.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.broker.EmbeddedKafka;
import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serde through the embedded registry and a real broker, configured the usual way. */
class AvroSerdeIT {
    @TempDir static Path brokerDir;
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start(brokerDir);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        client = SchemaRegistryClient.create(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
        kafka.close();
    }

    private static Map<String, Object> serdeConfig(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registry.url());
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private static <T> AvroSerializer<T> serializer(boolean isKey, Object... keyValues) {
        AvroSerializer<T> serializer = new AvroSerializer<>();
        serializer.configure(serdeConfig(keyValues), isKey);
        return serializer;
    }

    private static <T> AvroDeserializer<T> deserializer(boolean isKey, Object... keyValues) {
        AvroDeserializer<T> deserializer = new AvroDeserializer<>();
        deserializer.configure(serdeConfig(keyValues), isKey);
        return deserializer;
    }

    @Test
    void specificRecordsRoundTripThroughABrokerWithConfluentFraming() throws Exception {
        String topic = "serde.specific";
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            // The embedded broker does not create topics on first use.
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> producerProps = serdeConfig();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        try (KafkaProducer<String, TestReading> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, "r-1", new TestReading("r-1", "g/dL"))).get();
        }

        Map<String, Object> consumerProps = serdeConfig("specific.avro.reader", "true");
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-it");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        List<ConsumerRecord<String, TestReading>> records = new ArrayList<>();
        try (KafkaConsumer<String, TestReading> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }

        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("r-1");
        assertThat(records.get(0).value().id()).isEqualTo("r-1");
        assertThat(records.get(0).value().unit()).isEqualTo("g/dL");
        assertThat(client.getSubjects()).contains(topic + "-key", topic + "-value");
    }

    @Test
    void framesWithTheRegisteredIdAndRegistersOnce() {
        try (AvroSerializer<TestReading> serializer = serializer(false)) {
            byte[] first = serializer.serialize("serde.frame", new TestReading("a", "x"));
            byte[] second = serializer.serialize("serde.frame", new TestReading("b", "y"));

            int id = client.getLatestVersion("serde.frame-value").id();
            assertThat(first[0]).isZero();
            assertThat(ByteBuffer.wrap(first, 1, 4).getInt()).isEqualTo(id);
            assertThat(WireFormat.schemaId(second)).isEqualTo(id);
            assertThat(client.getVersions("serde.frame-value")).containsExactly(1);
        }
    }

    @Test
    void olderDataIsReadIntoTheNewerClassWithDefaults() {
        GenericRecord old = new GenericData.Record(TestReading.V1);
        old.put("id", "old-1");
        byte[] bytes;
        try (AvroSerializer<GenericRecord> serializer = serializer(false)) {
            bytes = serializer.serialize("serde.evolve", old);
        }
        // The newer writer schema is BACKWARD compatible, so the registry accepts it too.
        try (AvroSerializer<TestReading> serializer = serializer(false)) {
            serializer.serialize("serde.evolve", new TestReading("new-1", "mmol/L"));
        }

        try (AvroDeserializer<TestReading> deserializer =
                deserializer(false, "specific.avro.reader", true)) {
            TestReading read = deserializer.deserialize("serde.evolve", bytes);

            assertThat(read.id()).isEqualTo("old-1");
            assertThat(read.unit()).isEqualTo("mg/dL");
        }
        assertThat(client.getVersions("serde.evolve-value")).containsExactly(1, 2);
    }

    @Test
    void genericReadersGetTheWriterSchema() {
        try (AvroSerializer<TestReading> serializer = serializer(false);
                AvroDeserializer<GenericRecord> deserializer = deserializer(false)) {
            byte[] bytes = serializer.serialize("serde.generic", new TestReading("g-1", "U/L"));
            GenericRecord read = deserializer.deserialize("serde.generic", bytes);

            assertThat(read.getSchema()).isEqualTo(TestReading.SCHEMA$);
            assertThat(read.get("id").toString()).isEqualTo("g-1");
            assertThat(read.get("unit").toString()).isEqualTo("U/L");
        }
    }

    @Test
    void aSharedClientNeedsNoUrlInTheMap() {
        try (AvroSerializer<TestReading> serializer = new AvroSerializer<>(client);
                AvroDeserializer<TestReading> deserializer = new AvroDeserializer<>(client)) {
            serializer.configure(Map.of(), false);
            deserializer.configure(
                    Map.of("specific.avro.value.type", TestReading.class.getName()), false);

            TestReading read =
                    deserializer.deserialize(
                            "serde.shared",
                            serializer.serialize("serde.shared", new TestReading("s-1", "IU")));

            assertThat(read.id()).isEqualTo("s-1");
            assertThat(read.unit()).isEqualTo("IU");
        }
    }

    @Test
    void primitivesRoundTrip() {
        try (AvroSerializer<Object> serializer = serializer(true);
                AvroDeserializer<Object> deserializer = deserializer(true)) {
            assertThat(
                            deserializer.deserialize(
                                    "serde.prim", serializer.serialize("serde.prim", "k")))
                    .isEqualTo("k");
            assertThat(
                            deserializer.deserialize(
                                    "serde.prim2", serializer.serialize("serde.prim2", 42L)))
                    .isEqualTo(42L);
            assertThat(
                            deserializer.deserialize(
                                    "serde.prim3",
                                    serializer.serialize("serde.prim3", new byte[] {1, 2})))
                    .isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        }
        assertThat(client.getLatestVersion("serde.prim-key").schema()).isEqualTo("\"string\"");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsClearly() {
        try (AvroSerializer<TestReading> serializer =
                serializer(false, "auto.register.schemas", "false")) {
            assertThatThrownBy(
                            () -> serializer.serialize("serde.manual", new TestReading("m", "u")))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("not registered under subject serde.manual-value")
                    .hasMessageContaining("auto.register.schemas");

            int id = client.register("serde.manual-value", TestReading.SCHEMA$);
            byte[] bytes = serializer.serialize("serde.manual", new TestReading("m", "u"));
            assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        }
    }

    @Test
    void unknownIdsAndMissingClassesFailClearly() {
        try (AvroDeserializer<Object> deserializer = deserializer(false)) {
            assertThatThrownBy(
                            () ->
                                    deserializer.deserialize(
                                            "t", WireFormat.frame(987_654, new byte[] {2, 65})))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("unknown schema id 987654");
        }
        GenericRecord unknownClass =
                new GenericData.Record(
                        new org.apache.avro.Schema.Parser()
                                .parse(
                                        "{\"type\":\"record\",\"name\":\"NoSuchClass\","
                                                + "\"namespace\":\"nowhere\",\"fields\":[]}"));
        byte[] bytes;
        try (AvroSerializer<GenericRecord> serializer = serializer(false)) {
            bytes = serializer.serialize("serde.noclass", unknownClass);
        }
        try (AvroDeserializer<Object> deserializer =
                deserializer(false, "specific.avro.reader", "true")) {
            assertThatThrownBy(() -> deserializer.deserialize("serde.noclass", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("no generated class nowhere.NoSuchClass");
        }
    }

    @Test
    void truncatedPayloadsFailWithTheSchemaId() {
        byte[] bytes;
        try (AvroSerializer<TestReading> serializer = serializer(false)) {
            bytes = serializer.serialize("serde.trunc", new TestReading("abcdef", "ghijkl"));
        }
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 4);
        try (AvroDeserializer<TestReading> deserializer =
                deserializer(false, "specific.avro.reader", "true")) {
            assertThatThrownBy(() -> deserializer.deserialize("serde.trunc", truncated))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("schema id " + WireFormat.schemaId(bytes));
        }
    }
}
