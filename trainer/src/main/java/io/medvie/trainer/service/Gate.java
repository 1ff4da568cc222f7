package io.medvie.trainer.service;

import java.util.Locale;

/**
 * Decides whether a candidate replaces the live model: only when the held-out set is big enough to
 * say anything and the candidate's field F1 on it is not below the live model's minus a margin.
 *
 * @param margin how much F1 a candidate may lose against the live model (noise of a small set)
 * @param minHeldOut fewest held-out documents a decision may rest on
 */
public record Gate(double margin, int minHeldOut) {

    public Gate {
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("gate margin must be in [0, 1], got " + margin);
        }
        if (minHeldOut < 1) {
            throw new IllegalArgumentException(
                    "gate minimum held-out must be >= 1, got " + minHeldOut);
        }
    }

    /** A gate decision with both scores and the reason, as logged and kept. */
    public record Decision(
            boolean publish,
            double candidateF1,
            double liveF1,
            double margin,
            int heldOutDocs,
            String reason) {
        public String word() {
            return publish ? "publish" : "refuse";
        }
    }

    public Decision decide(double candidateF1, double liveF1, int heldOutDocs) {
        if (heldOutDocs < minHeldOut) {
            return new Decision(
                    false,
                    candidateF1,
                    liveF1,
                    margin,
                    heldOutDocs,
                    String.format(
                            Locale.ROOT,
                            "held-out set has %d documents, fewer than the minimum %d",
                            heldOutDocs,
                            minHeldOut));
        }
        if (Double.isNaN(candidateF1)) {
            return new Decision(
                    false,
                    candidateF1,
                    liveF1,
                    margin,
                    heldOutDocs,
                    "candidate F1 is not a number");
        }
        double floor = liveF1 - margin;
        // A tiny tolerance so that a candidate equal to the live model minus exactly the margin
        // passes despite rounding.
        boolean pass = candidateF1 >= floor - 1e-12;
        return new Decision(
                pass,
                candidateF1,
                liveF1,
                margin,
                heldOutDocs,
                String.format(
                        Locale.ROOT,
                        "candidate F1 %.4f %s live F1 %.4f - margin %.4f = %.4f on %d held-out documents",
                        candidateF1,
                        pass ? ">=" : "<",
                        liveF1,
                        margin,
                        floor,
                        heldOutDocs));
    }
}
