package io.medvie.synth.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.synth.content.Flag;
import io.medvie.synth.content.Sex;
import io.medvie.synth.layout.FieldTag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The document as printed, collected while a template draws: a field is in the document only if
 * some word carries its tag, and its value is its words joined by single spaces.
 */
public final class GroundTruth {

    private final Sex sex;
    private final Map<FieldTag, String> fields = new EnumMap<>(FieldTag.class);
    private final List<Map<FieldTag, String>> rows = new ArrayList<>();
    private final List<Flag> flags = new ArrayList<>();

    public GroundTruth(Sex sex) {
        this.sex = sex;
    }

    /** Starts a tests[] row and returns its index. */
    public int beginRow(Flag flag) {
        rows.add(new EnumMap<>(FieldTag.class));
        flags.add(flag);
        return rows.size() - 1;
    }

    public int rowCount() {
        return rows.size();
    }

    void record(FieldTag tag, int row, String phrase) {
        if (tag == FieldTag.O) {
            return;
        }
        if (tag.isTest()) {
            // A range printed on two lines arrives in two parts: join them as the page reads.
            rows.get(row).merge(tag, phrase, (a, b) -> a + " " + b);
            return;
        }
        String before = fields.putIfAbsent(tag, phrase);
        if (before != null && !before.equals(phrase)) {
            // Repeated blocks (patient block on every page) must print the same value.
            throw new IllegalStateException(tag.path() + " printed twice with different text");
        }
    }

    public ObjectNode toDocument() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        ObjectNode patient = doc.putObject("patient");
        ObjectNode report = doc.putObject("report");
        for (Map.Entry<FieldTag, String> e : fields.entrySet()) {
            FieldTag tag = e.getKey();
            if (tag == FieldTag.PATIENT_SEX) {
                patient.put("sex", sex.name());
            } else if (tag.isPatient()) {
                patient.put(tag.key(), e.getValue());
            } else if (tag.isReport()) {
                report.put(tag.key(), e.getValue());
            }
        }
        ArrayNode tests = doc.putArray("tests");
        for (int i = 0; i < rows.size(); i++) {
            Map<FieldTag, String> r = rows.get(i);
            ObjectNode t = tests.addObject();
            for (FieldTag tag :
                    List.of(
                            FieldTag.TEST_NAME,
                            FieldTag.TEST_VALUE,
                            FieldTag.TEST_UNIT,
                            FieldTag.TEST_REFERENCE_RANGE)) {
                String v = r.get(tag);
                if (v != null) {
                    t.put(tag.key(), v);
                }
            }
            if (flags.get(i) != null) {
                t.put("flag", flags.get(i).name());
            }
            if (!r.containsKey(FieldTag.TEST_NAME) || !r.containsKey(FieldTag.TEST_VALUE)) {
                throw new IllegalStateException("tests[" + i + "] printed without name or value");
            }
        }
        return doc;
    }
}
