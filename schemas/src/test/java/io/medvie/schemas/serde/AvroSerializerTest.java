package io.medvie.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** What the serde decides without a registry; round trips are in {@code AvroSerdeIT}. */
class AvroSerializerTest {

    @Test
    void subjectsFollowTheTopicNameStrategy() {
        assertThat(AvroSerializer.subject("medvie.reports", false))
                .isEqualTo("medvie.reports-value");
        assertThat(AvroSerializer.subject("medvie.reports", true)).isEqualTo("medvie.reports-key");
    }

    @Test
    void primitivesMapToAvroPrimitiveSchemas() {
        assertThat(AvroSerializer.schemaOf("x").getType()).isEqualTo(Schema.Type.STRING);
        assertThat(AvroSerializer.schemaOf(1).getType()).isEqualTo(Schema.Type.INT);
        assertThat(AvroSerializer.schemaOf(1L).getType()).isEqualTo(Schema.Type.LONG);
        assertThat(AvroSerializer.schemaOf(true).getType()).isEqualTo(Schema.Type.BOOLEAN);
        assertThat(AvroSerializer.schemaOf(1.0).getType()).isEqualTo(Schema.Type.DOUBLE);
        assertThat(AvroSerializer.schemaOf(1.0f).getType()).isEqualTo(Schema.Type.FLOAT);
        assertThat(AvroSerializer.schemaOf(new byte[1]).getType()).isEqualTo(Schema.Type.BYTES);
        assertThat(AvroSerializer.schemaOf(ByteBuffer.allocate(1)).getType())
                .isEqualTo(Schema.Type.BYTES);
    }

    @Test
    void refusesWhatAvroCannotWrite() {
        assertThatThrownBy(() -> AvroSerializer.schemaOf(new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void nullIsATombstoneAndNeedsNoRegistry() {
        try (AvroSerializer<Object> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:9"), false);
            assertThat(serializer.serialize("t", null)).isNull();
        }
    }

    @Test
    void deserializerRefusesBadFramesBeforeAskingTheRegistry() {
        try (AvroDeserializer<Object> deserializer = new AvroDeserializer<>()) {
            // Port 9 (discard) is closed here: any registry call would fail differently.
            deserializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:9"), false);
            assertThat(deserializer.deserialize("t", null)).isNull();
            assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {7, 0, 0, 0, 1, 2}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("unknown magic byte 7");
            assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("too short");
        }
    }
}
