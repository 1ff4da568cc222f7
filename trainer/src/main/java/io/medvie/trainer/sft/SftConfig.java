package io.medvie.trainer.sft;

/**
 * Supervised training settings.
 *
 * @param epochs passes over the training pages
 * @param batchPages pages per step
 * @param learningRate Adam's learning rate (cosine-decayed to a tenth over the run)
 * @param seed seeds parameters, dropout, shuffling and the held-out split
 */
public record SftConfig(int epochs, int batchPages, float learningRate, int seed) {

    public static final SftConfig DEFAULT = new SftConfig(30, 8, 3e-3f, 42);

    public SftConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchPages < 1) {
            throw new IllegalArgumentException("batch pages must be >= 1, got " + batchPages);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
    }
}
