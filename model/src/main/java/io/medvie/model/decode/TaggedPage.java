package io.medvie.model.decode;

import io.medvie.model.features.PageLayout;

/**
 * A page with a label and its probability for each token (reading order).
 *
 * @param layout the page's tokens
 * @param labels label index per token (see {@link TagSet})
 * @param probabilities the model's probability of each chosen label, 1 for gold labels
 */
public record TaggedPage(PageLayout layout, int[] labels, float[] probabilities) {

    public TaggedPage {
        if (labels.length != layout.size() || probabilities.length != layout.size()) {
            throw new IllegalArgumentException(
                    "page "
                            + layout.page()
                            + ": "
                            + layout.size()
                            + " tokens but "
                            + labels.length
                            + " labels and "
                            + probabilities.length
                            + " probabilities");
        }
    }
}
