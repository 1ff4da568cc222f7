package io.medvie.schemas.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.schemas.registry.CompatibilityLevel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogCodecTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void schemaRecordsUseConfluentsLayout() {
        LogRecord.SchemaVersion record = new LogRecord.SchemaVersion("s-value", 2, 7, "\"string\"");

        LogCodec.Encoded encoded = LogCodec.encode(record);

        assertThat(text(encoded.key()))
                .isEqualTo(
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"s-value\",\"version\":2,\"magic\":1}");
        assertThat(text(encoded.value()))
                .isEqualTo(
                        "{\"subject\":\"s-value\",\"version\":2,\"id\":7,"
                                + "\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
        assertThat(LogCodec.decode(encoded.key(), encoded.value())).contains(record);
    }

    @Test
    void configRecordsRoundTripAndTheGlobalOneHasANullSubject() {
        LogRecord.Config global =
                new LogRecord.Config(Optional.empty(), Optional.of(CompatibilityLevel.FULL));
        LogRecord.Config subject =
                new LogRecord.Config(Optional.of("s"), Optional.of(CompatibilityLevel.NONE));
        LogRecord.Config removed = new LogRecord.Config(Optional.of("s"), Optional.empty());

        assertThat(text(LogCodec.encode(global).key()))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(LogCodec.encode(global).value()))
                .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(LogCodec.encode(removed).value()).isNull();
        for (LogRecord.Config config : new LogRecord.Config[] {global, subject, removed}) {
            LogCodec.Encoded encoded = LogCodec.encode(config);
            assertThat(LogCodec.decode(encoded.key(), encoded.value())).contains(config);
        }
    }

    @Test
    void keysOfTheSameVersionAreByteEqualSoCompactionKeepsOne() {
        assertThat(LogCodec.encode(new LogRecord.SchemaVersion("s", 1, 1, "\"int\"")).key())
                .isEqualTo(
                        LogCodec.encode(new LogRecord.SchemaVersion("s", 1, 1, "\"int\"")).key());
    }

    @Test
    void otherRecordKindsAreSkippedAndGarbageRefused() {
        assertThat(
                        LogCodec.decode(
                                "{\"keytype\":\"NOOP\",\"magic\":0}"
                                        .getBytes(StandardCharsets.UTF_8),
                                null))
                .isEmpty();
        assertThatThrownBy(
                        () ->
                                LogCodec.decode(
                                        "nope".getBytes(StandardCharsets.UTF_8),
                                        "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }
}
