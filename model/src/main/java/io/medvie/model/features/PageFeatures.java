package io.medvie.model.features;

/**
 * The features of one page, row-major per token.
 *
 * @param layout the page the features describe
 * @param ids {@code length * idsPerToken} hashed ids, 0 for padding
 * @param dense {@code length * denseSize} layout and character-class features
 */
public record PageFeatures(PageLayout layout, int[] ids, float[] dense) {

    public int length() {
        return layout.size();
    }
}
