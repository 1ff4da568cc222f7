package io.medvie.trainer.service;

import java.time.Duration;
import java.time.Instant;

/**
 * When a training round starts: once {@code minNewSamples} training samples arrived since the last
 * round, or, when {@code interval} is not zero, once that long has passed since the last round (or
 * the service's start) and at least one new sample is there. Held-out samples never count: they
 * change nothing the round trains on.
 */
public record RoundTrigger(int minNewSamples, Duration interval) {

    public RoundTrigger {
        if (minNewSamples < 1) {
            throw new IllegalArgumentException(
                    "minimum new samples must be >= 1, got " + minNewSamples);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must be >= 0, got " + interval);
        }
    }

    /** Why a round starts now, or null when it does not. */
    public String due(int newTrainSamples, Instant lastRound, Instant now) {
        if (newTrainSamples >= minNewSamples) {
            return newTrainSamples + " new samples (>= " + minNewSamples + ")";
        }
        if (!interval.isZero() && newTrainSamples > 0 && !now.isBefore(lastRound.plus(interval))) {
            return "schedule: "
                    + newTrainSamples
                    + " new samples and "
                    + interval.toSeconds()
                    + " s since the last round";
        }
        return null;
    }
}
