package io.medvie.synth.content;

/**
 * The normalised flag of a result: H above the range, L below, N inside. Always derived from the
 * printed value and the printed range for the patient's sex, whether or not the page prints a flag,
 * so the ground truth does not depend on how a template marks results.
 */
public enum Flag {
    H,
    L,
    N
}
