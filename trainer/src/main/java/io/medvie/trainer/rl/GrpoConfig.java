package io.medvie.trainer.rl;

/**
 * GRPO settings. The defaults follow DESIGN.md and DAPO's clip-higher.
 *
 * @param groupSize labelings sampled per document (G)
 * @param docsPerStep documents (groups) per optimiser batch
 * @param epochs passes over the training documents
 * @param innerEpochs optimiser steps on each sampled batch (mu); the ratio to the sampling policy
 *     is 1 on the first and drifts after, which is what the clip bounds
 * @param learningRate Adam's learning rate (constant)
 * @param clipLow lower clip of the ratio: {@code 1 - clipLow}
 * @param clipHigh upper clip of the ratio: {@code 1 + clipHigh} (clip-higher: above clipLow)
 * @param beta weight of the KL penalty to the frozen reference policy (0 turns it off)
 * @param temperature sampling temperature (1 samples the policy itself)
 * @param maxGradNorm the global gradient norm is scaled down to this (0 turns it off)
 * @param skipZeroStdGroups drop groups whose rewards are all equal (they carry no signal, and would
 *     only dilute the token mean)
 * @param evalEvery score the selection set every this many optimiser steps (0: once per epoch)
 * @param seed seeds the document order and the sampling noise
 */
public record GrpoConfig(
        int groupSize,
        int docsPerStep,
        int epochs,
        int innerEpochs,
        float learningRate,
        double clipLow,
        double clipHigh,
        double beta,
        float temperature,
        double maxGradNorm,
        boolean skipZeroStdGroups,
        int evalEvery,
        long seed) {

    public static final GrpoConfig DEFAULT =
            new GrpoConfig(8, 4, 10, 2, 1e-3f, 0.2, 0.28, 0.04, 1f, 1.0, true, 0, 42);

    public GrpoConfig {
        positive(groupSize, "group size");
        if (groupSize < 2) {
            throw new IllegalArgumentException(
                    "group size must be >= 2 (advantages are relative to the group), got "
                            + groupSize);
        }
        positive(docsPerStep, "documents per step");
        positive(epochs, "epochs");
        positive(innerEpochs, "inner epochs");
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (!(clipLow > 0 && clipLow < 1)) {
            throw new IllegalArgumentException("clip low must be in (0, 1), got " + clipLow);
        }
        if (!(clipHigh > 0)) {
            throw new IllegalArgumentException("clip high must be > 0, got " + clipHigh);
        }
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        if (!(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("max grad norm must be >= 0, got " + maxGradNorm);
        }
        if (evalEvery < 0) {
            throw new IllegalArgumentException("eval-every must be >= 0, got " + evalEvery);
        }
    }

    private static void positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }

    public GrpoConfig withEpochs(int e) {
        return new GrpoConfig(
                groupSize,
                docsPerStep,
                e,
                innerEpochs,
                learningRate,
                clipLow,
                clipHigh,
                beta,
                temperature,
                maxGradNorm,
                skipZeroStdGroups,
                evalEvery,
                seed);
    }

    public GrpoConfig withLearningRate(float lr) {
        return new GrpoConfig(
                groupSize,
                docsPerStep,
                epochs,
                innerEpochs,
                lr,
                clipLow,
                clipHigh,
                beta,
                temperature,
                maxGradNorm,
                skipZeroStdGroups,
                evalEvery,
                seed);
    }

    public GrpoConfig withSeed(long s) {
        return new GrpoConfig(
                groupSize,
                docsPerStep,
                epochs,
                innerEpochs,
                learningRate,
                clipLow,
                clipHigh,
                beta,
                temperature,
                maxGradNorm,
                skipZeroStdGroups,
                evalEvery,
                s);
    }
}
