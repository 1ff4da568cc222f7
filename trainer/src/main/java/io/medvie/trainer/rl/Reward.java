package io.medvie.trainer.rl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verifiable reward: how good a predicted document is against the verified one. GRPO only needs
 * rewards to be comparable within a group (the samples of one document), so any scale works.
 * Implementations must be thread-safe and pure (same inputs, same reward).
 */
@FunctionalInterface
public interface Reward {

    /**
     * @param predicted the decoded document of one sampled labeling (may be null when it could not
     *     be decoded)
     * @param truth the verified document
     */
    double score(JsonNode predicted, JsonNode truth);
}
