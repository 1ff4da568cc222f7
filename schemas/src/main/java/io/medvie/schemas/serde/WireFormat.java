package io.medvie.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the schema id as 4 bytes big-endian, then the Avro binary
 * encoding of the datum.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0;

    /** Bytes before the Avro payload. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** The header for this schema id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** Header followed by the Avro bytes. */
    public static byte[] frame(int schemaId, byte[] avro) {
        return ByteBuffer.allocate(HEADER_SIZE + avro.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avro)
                .array();
    }

    /**
     * The schema id of a framed payload; the Avro bytes start at {@link #HEADER_SIZE}.
     *
     * @throws SerializationException when the payload is too short or the magic byte is not 0
     */
    public static int schemaId(byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException(
                    "payload of "
                            + payload.length
                            + " bytes is too short for the Confluent wire format (magic byte and"
                            + " 4-byte schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(
                    "unknown magic byte "
                            + payload[0]
                            + " (expected "
                            + MAGIC_BYTE
                            + "): not a Confluent wire format payload");
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
