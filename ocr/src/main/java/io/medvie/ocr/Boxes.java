package io.medvie.ocr;

/** Box arithmetic shared by the readers and the benchmarks. */
public final class Boxes {
    private Boxes() {}

    /** Intersection over union of two axis-aligned boxes given as x, y, width, height; 0..1. */
    public static double iou(
            double ax,
            double ay,
            double aw,
            double ah,
            double bx,
            double by,
            double bw,
            double bh) {
        double ix = Math.max(0, Math.min(ax + aw, bx + bw) - Math.max(ax, bx));
        double iy = Math.max(0, Math.min(ay + ah, by + bh) - Math.max(ay, by));
        double inter = ix * iy;
        double union = aw * ah + bw * bh - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
