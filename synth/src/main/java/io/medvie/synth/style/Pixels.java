package io.medvie.synth.style;

import io.medvie.synth.content.Rng;
import java.util.Arrays;

/** Small pixel kernels on plain arrays, so that results never depend on native imaging code. */
final class Pixels {

    private Pixels() {}

    /** Separable Gaussian blur of a single-channel image in place. */
    static void blur(float[] px, int w, int h, double sigma) {
        if (sigma <= 0.05) {
            return;
        }
        // Truncated at 1.5 sigma: invisible for a scan effect and a third cheaper than 2.5 sigma.
        int r = Math.max(1, (int) Math.ceil(sigma * 1.5));
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[] tmp = new float[w];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float acc = 0;
                if (x >= r && x < w - r) {
                    int base = row + x - r;
                    for (int i = 0; i < k.length; i++) {
                        acc += k[i] * px[base + i];
                    }
                } else {
                    for (int i = -r; i <= r; i++) {
                        int xx = Math.min(w - 1, Math.max(0, x + i));
                        acc += k[i + r] * px[row + xx];
                    }
                }
                tmp[x] = acc;
            }
            System.arraycopy(tmp, 0, px, row, w);
        }
        // Vertical pass row by row, so memory is read in order.
        float[] src = px.clone();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            Arrays.fill(px, row, row + w, 0f);
            for (int i = -r; i <= r; i++) {
                int yy = Math.min(h - 1, Math.max(0, y + i)) * w;
                float kv = k[i + r];
                for (int x = 0; x < w; x++) {
                    px[row + x] += kv * src[yy + x];
                }
            }
        }
    }

    /**
     * Gaussian noise drawn once per page into a table and read with a xorshift index: as random as
     * the eye needs, deterministic, and far cheaper than a Gaussian draw per pixel.
     */
    static final class Noise {
        private final float[] table = new float[1 << 16];
        private int state;

        Noise(Rng rng, double sigma) {
            for (int i = 0; i < table.length; i++) {
                table[i] = (float) (rng.gaussian() * sigma);
            }
            state = rng.nextInt(Integer.MAX_VALUE) | 1;
        }

        float next() {
            int x = state;
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            state = x;
            return table[x & 0xffff];
        }
    }

    static int clamp(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) (v + 0.5);
    }

    /** Bilinear sample of a single-channel image; {@code outside} beyond its edges. */
    static float sample(float[] px, int w, int h, double x, double y, float outside) {
        if (x < 0 || y < 0 || x > w - 1 || y > h - 1) {
            return outside;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float a = px[y0 * w + x0] + (px[y0 * w + x1] - px[y0 * w + x0]) * fx;
        float b = px[y1 * w + x0] + (px[y1 * w + x1] - px[y1 * w + x0]) * fx;
        return a + (b - a) * fy;
    }
}
