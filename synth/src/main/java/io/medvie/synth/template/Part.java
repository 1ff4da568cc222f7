package io.medvie.synth.template;

import io.medvie.synth.layout.FieldTag;

/**
 * A piece of a printed value with its tag ("27 YRS" age, "/" O, "M" sex), or a redaction bar
 * ({@link #redacted()}) that hides a value: no words, so the field is not in the document.
 */
record Part(String text, FieldTag tag) {

    static final String REDACTED = "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588";

    static Part redacted() {
        return new Part(REDACTED, FieldTag.O);
    }

    boolean isRedacted() {
        return REDACTED.equals(text);
    }

    static Part of(String text, FieldTag tag) {
        return new Part(text, tag);
    }

    static Part o(String text) {
        return new Part(text, FieldTag.O);
    }
}
