package io.medvie.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A record class shaped like what avro-maven-plugin generates (SCHEMA$, get/put by position), at
 * version 2 of its schema: version 1 had only {@code id}; {@code unit} came with a default.
 */
public class TestReading extends SpecificRecordBase {
    public static final Schema SCHEMA$ =
            new Schema.Parser()
                    .parse(
                            "{\"type\":\"record\",\"name\":\"TestReading\","
                                    + "\"namespace\":\"io.medvie.schemas.serde\",\"fields\":["
                                    + "{\"name\":\"id\",\"type\":{\"type\":\"string\","
                                    + "\"avro.java.string\":\"String\"}},"
                                    + "{\"name\":\"unit\",\"type\":{\"type\":\"string\","
                                    + "\"avro.java.string\":\"String\"},\"default\":\"mg/dL\"}]}");

    /** Version 1 of the same record, as an older producer wrote it. */
    public static final Schema V1 =
            new Schema.Parser()
                    .parse(
                            "{\"type\":\"record\",\"name\":\"TestReading\","
                                    + "\"namespace\":\"io.medvie.schemas.serde\",\"fields\":["
                                    + "{\"name\":\"id\",\"type\":\"string\"}]}");

    private String id;
    private String unit;

    public TestReading() {}

    public TestReading(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> id;
            case 1 -> unit;
            default -> throw new IndexOutOfBoundsException("no field " + field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> id = value == null ? null : value.toString();
            case 1 -> unit = value == null ? null : value.toString();
            default -> throw new IndexOutOfBoundsException("no field " + field);
        }
    }
}
