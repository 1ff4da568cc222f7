package io.medvie.model.dataset;

import io.medvie.model.features.PageLayout;

/**
 * A page with a gold label per token (reading order), for training.
 *
 * @param layout the page's tokens
 * @param labels gold label index per token (see {@code TagSet})
 */
public record LabeledPage(PageLayout layout, int[] labels) {}
