package io.medvie.synth.style;

/** Where a point of the clean page lands in the degraded image. */
@FunctionalInterface
public interface PointMap {

    /** Returns {x', y'} for the clean-page pixel (x, y). */
    double[] map(double x, double y);

    PointMap IDENTITY = (x, y) -> new double[] {x, y};
}
