package io.medvie.model.features;

/**
 * How words become numbers; stored in the model artifact so a model is always fed the features it
 * was trained on.
 *
 * @param version feature code version; a model refuses features of another version
 * @param buckets size of the hashed id space (id 0 is padding)
 * @param idsPerToken hashed ids kept per token (text, shape, n-grams, neighbours); the rest cut
 * @param maxNgrams character 3-grams kept per word
 */
public record FeatureConfig(int version, int buckets, int idsPerToken, int maxNgrams) {

    /** The current feature code's version. */
    public static final int VERSION = 1;

    /** Number of dense (layout and character class) features per token. */
    public static final int DENSE = 38;

    public static final FeatureConfig DEFAULT = new FeatureConfig(VERSION, 1 << 14, 32, 14);

    public FeatureConfig {
        if (buckets < 16) {
            throw new IllegalArgumentException(
                    "FeatureConfig.buckets must be >= 16, got " + buckets);
        }
        if (idsPerToken < 8) {
            throw new IllegalArgumentException(
                    "FeatureConfig.idsPerToken must be >= 8, got " + idsPerToken);
        }
        if (maxNgrams < 0 || maxNgrams > idsPerToken) {
            throw new IllegalArgumentException(
                    "FeatureConfig.maxNgrams must be in 0..idsPerToken, got " + maxNgrams);
        }
    }

    public int denseSize() {
        return DENSE;
    }
}
