package io.medvie.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void framesMagicByteThenBigEndianIdThenPayload() {
        byte[] framed = WireFormat.frame(0x01020304, new byte[] {9, 8});

        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 9, 8);
        assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void readsTheIdBack() {
        assertThat(WireFormat.schemaId(WireFormat.frame(1, new byte[0]))).isEqualTo(1);
        assertThat(WireFormat.schemaId(WireFormat.frame(Integer.MAX_VALUE, new byte[] {1})))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(WireFormat.schemaId(WireFormat.frame(300, new byte[] {1}))).isEqualTo(300);
    }

    @Test
    void refusesAnUnknownMagicByte() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 1");
    }

    @Test
    void refusesAPayloadTooShortForTheHeader() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes is too short");
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0 bytes is too short");
    }
}
