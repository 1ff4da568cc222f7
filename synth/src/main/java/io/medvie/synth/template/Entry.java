package io.medvie.synth.template;

import io.medvie.synth.layout.FieldTag;
import java.util.List;

/** A label and its value in a key : value block. */
record Entry(String label, List<Part> parts) {

    static Entry of(String label, String value, FieldTag tag) {
        return new Entry(label, List.of(Part.of(value, tag)));
    }
}
