package io.medvie.synth.layout;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one Jackson configuration for reading and writing the dataset layout. */
public final class DatasetJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    // Sets made by other tools may carry extra fields; they must still load.
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    // "\n" line ends whatever the platform, so that files are byte-identical everywhere.
    private static final ObjectWriter PRETTY =
            MAPPER.writer(
                    new DefaultPrettyPrinter()
                            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final ObjectWriter COMPACT = MAPPER.writer();

    private DatasetJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Indented JSON with a final newline, for small files people read. */
    public static byte[] pretty(Object value) {
        try {
            return (PRETTY.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of JSON with a final newline, for the large words files. */
    public static byte[] compact(Object value) {
        try {
            return (COMPACT.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
