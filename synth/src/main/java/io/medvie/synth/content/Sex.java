package io.medvie.synth.content;

/** The patient's sex as normalised in the document (the schema's F, M). */
public enum Sex {
    F,
    M
}
