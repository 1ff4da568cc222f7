package io.medvie.schemas.registry.server;

import org.apache.avro.Schema;

/** Versions of one record, each a typical evolution step. */
final class TestSchemas {
    static final String V1 =
            "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"t\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"}]}";

    /** V1 plus a field with a default: BACKWARD and FORWARD compatible. */
    static final String V2_WITH_DEFAULT =
            "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"t\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"},"
                    + "{\"name\":\"unit\",\"type\":\"string\",\"default\":\"\"}]}";

    /** V1 plus a field without default: not BACKWARD (old data lacks it), but FORWARD. */
    static final String V2_NO_DEFAULT =
            "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"t\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"},"
                    + "{\"name\":\"unit\",\"type\":\"string\"}]}";

    /** The id changed type: incompatible both ways. */
    static final String ID_AS_INT =
            "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"t\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"int\"}]}";

    private TestSchemas() {}

    static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }
}
