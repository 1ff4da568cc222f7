package io.medvie.synth.style;

/** Plane-to-plane perspective maps from four point pairs. */
final class Homography {

    private Homography() {}

    /** The 8 coefficients h0..h7 (h8 = 1) mapping each {@code from[i]} to {@code to[i]}. */
    static double[] solve(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0];
            double y = from[i][1];
            double u = to[i][0];
            double v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int c = 0; c < 8; c++) {
            int pivot = c;
            for (int rr = c + 1; rr < 8; rr++) {
                if (Math.abs(a[rr][c]) > Math.abs(a[pivot][c])) {
                    pivot = rr;
                }
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int rr = 0; rr < 8; rr++) {
                if (rr != c) {
                    double f = a[rr][c] / a[c][c];
                    for (int k = c; k < 9; k++) {
                        a[rr][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        return h;
    }

    static double[] apply(double[] h, double x, double y) {
        double w = h[6] * x + h[7] * y + 1;
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }
}
