package io.medvie.ocr;

import java.awt.image.BufferedImage;

/**
 * Estimates the small rotation of a page's text lines by projection profiles: dark pixels are
 * projected onto rows along each candidate angle, and the angle whose profile is sharpest (largest
 * sum of squared row counts) is the one that lines the text up with the rows.
 *
 * <p>Works on a copy at most {@link #WORK_WIDTH} pixels wide, with the dark pixels sampled, so it
 * costs tens of milliseconds on a full page whatever its resolution.
 */
public final class SkewEstimator {
    static final int WORK_WIDTH = 1000;
    private static final int MAX_POINTS = 150_000;

    private final double maxDegrees;

    /** An estimator searching angles in [-maxDegrees, maxDegrees]. */
    public SkewEstimator(double maxDegrees) {
        if (maxDegrees <= 0 || maxDegrees > 45) {
            throw new IllegalArgumentException("maxDegrees must be in (0, 45], got " + maxDegrees);
        }
        this.maxDegrees = maxDegrees;
    }

    /**
     * The angle in degrees by which the text has been turned clockwise (as seen on screen, y down);
     * rotate by its negative to straighten. 0 when the page has too little ink to tell.
     */
    public double estimate(BufferedImage image) {
        BufferedImage work =
                image.getWidth() > WORK_WIDTH
                        ? Images.scale(image, (double) WORK_WIDTH / image.getWidth())
                        : image;
        int width = work.getWidth();
        int height = work.getHeight();
        byte[] grey = Images.greyBytes(work);
        int threshold = darkThreshold(grey);
        int dark = 0;
        for (byte b : grey) {
            if ((b & 0xff) < threshold) {
                dark++;
            }
        }
        if (dark < 50 || dark > grey.length / 2) {
            return 0;
        }
        int stride = Math.max(1, dark / MAX_POINTS);
        int count = dark / stride + 1;
        float[] xs = new float[count];
        float[] ys = new float[count];
        int n = 0;
        int seen = 0;
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                if ((grey[offset + x] & 0xff) < threshold && seen++ % stride == 0 && n < count) {
                    xs[n] = x - width / 2f;
                    ys[n] = y;
                    n++;
                }
            }
        }
        double coarseStep = 0.1;
        double best = 0;
        double bestScore = score(xs, ys, n, height, width, 0);
        double zeroScore = bestScore;
        for (double a = -maxDegrees; a <= maxDegrees + 1e-9; a += coarseStep) {
            double s = score(xs, ys, n, height, width, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double refined = best;
        for (double a = best - coarseStep; a <= best + coarseStep + 1e-9; a += 0.02) {
            double s = score(xs, ys, n, height, width, a);
            if (s > bestScore) {
                bestScore = s;
                refined = a;
            }
        }
        // A profile barely sharper than the unrotated one is noise, not skew.
        if (bestScore < zeroScore * 1.02) {
            return 0;
        }
        return Math.round(refined * 100) / 100.0;
    }

    private static double score(float[] xs, float[] ys, int n, int height, int width, double deg) {
        double tan = Math.tan(Math.toRadians(deg));
        int margin = (int) Math.ceil(Math.abs(tan) * width / 2.0) + 1;
        int[] rows = new int[height + 2 * margin + 1];
        for (int i = 0; i < n; i++) {
            int r = (int) Math.round(ys[i] - xs[i] * tan) + margin;
            if (r >= 0 && r < rows.length) {
                rows[r]++;
            }
        }
        double sum = 0;
        for (int c : rows) {
            sum += (double) c * c;
        }
        return sum;
    }

    /** Otsu's threshold over the grey histogram, so ink is found on dark and light paper alike. */
    static int darkThreshold(byte[] grey) {
        long[] histogram = new long[256];
        for (byte b : grey) {
            histogram[b & 0xff]++;
        }
        long total = grey.length;
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += (double) i * histogram[i];
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += (double) t * histogram[t];
            double meanB = sumBackground / weightBackground;
            double meanF = (sumAll - sumBackground) / weightForeground;
            double variance =
                    (double) weightBackground
                            * weightForeground
                            * (meanB - meanF)
                            * (meanB - meanF);
            if (variance > bestVariance) {
                bestVariance = variance;
                threshold = t + 1;
            }
        }
        return threshold;
    }
}
