package io.medvie.synth.style;

import io.medvie.synth.content.Rng;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A phone photo of a printed page lying on a desk: perspective, the page smaller than the frame,
 * uneven light with a soft shadow, a warm colour cast, blur and noise.
 *
 * <p>The clean page is rendered at the photo's resolution already ({@link #renderDpi}), so the warp
 * samples close to 1:1 and needs no separate anti-aliasing pass.
 */
public final class PhotoEffect {

    private PhotoEffect() {}

    /** The dpi to render the clean page at: a phone resolves an A4 page at about 120-170 dpi. */
    public static double renderDpi(Rng rng) {
        return rng.uniform(130, 175);
    }

    public static Degraded apply(BufferedImage clean, double dpi, Rng rng) {
        int sw = clean.getWidth();
        int sh = clean.getHeight();
        int ow = sw;
        int oh = sh;
        double m = rng.uniform(0.03, 0.07);
        double j = 0.035;
        double[][] dstQuad = {
            {ow * (m + rng.uniform(-j, j)), oh * (m + rng.uniform(-j, j) / 2)},
            {ow * (1 - m + rng.uniform(-j, j)), oh * (m + rng.uniform(-j, j) / 2)},
            {ow * (1 - m + rng.uniform(-j, j)), oh * (1 - m + rng.uniform(-j, j) / 2)},
            {ow * (m + rng.uniform(-j, j)), oh * (1 - m + rng.uniform(-j, j) / 2)}
        };
        double[][] srcQuad = {{0, 0}, {sw, 0}, {sw, sh}, {0, sh}};
        double[] fwd = Homography.solve(srcQuad, dstQuad);
        double[] inv = Homography.solve(dstQuad, srcQuad);
        int[] src = ((DataBufferInt) clean.getRaster().getDataBuffer()).getData();

        int desk = rng.pick(0x6b5544, 0x3c3f44, 0x8a7a66, 0x504438, 0x2f3a30);
        double gx = rng.uniform(-0.25, 0.15);
        double gy = rng.uniform(-0.25, 0.15);
        double base = rng.uniform(0.95, 1.08);
        double vignette = rng.uniform(0.1, 0.3);
        // A soft shadow (hand, phone) across one side of the page.
        double angle = rng.uniform(0, 2 * Math.PI);
        double nx = Math.cos(angle);
        double ny = Math.sin(angle);
        double offset = rng.uniform(0.25, 0.45) * Math.min(ow, oh);
        double softness = rng.uniform(0.03, 0.1) * Math.min(ow, oh);
        double shadow = rng.uniform(0.45, 0.75);
        double warmG = rng.uniform(0.94, 0.99);
        double warmB = rng.uniform(0.82, 0.94);
        double blur = rng.uniform(0.6, 1.2);
        Pixels.Noise noise = new Pixels.Noise(rng, rng.uniform(3, 8));

        float[] r = new float[ow * oh];
        float[] g = new float[ow * oh];
        float[] b = new float[ow * oh];
        float dr = (desk >> 16) & 0xff;
        float dg = (desk >> 8) & 0xff;
        float db = desk & 0xff;
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                double wz = inv[6] * x + inv[7] * y + 1;
                double sx = (inv[0] * x + inv[1] * y + inv[2]) / wz;
                double sy = (inv[3] * x + inv[4] * y + inv[5]) / wz;
                int i = y * ow + x;
                if (sx >= 0 && sy >= 0 && sx < sw - 1 && sy < sh - 1) {
                    int x0 = (int) sx;
                    int y0 = (int) sy;
                    float fx = (float) (sx - x0);
                    float fy = (float) (sy - y0);
                    int p00 = src[y0 * sw + x0];
                    int p01 = src[y0 * sw + x0 + 1];
                    int p10 = src[(y0 + 1) * sw + x0];
                    int p11 = src[(y0 + 1) * sw + x0 + 1];
                    r[i] = lerp(p00 >> 16, p01 >> 16, p10 >> 16, p11 >> 16, fx, fy);
                    g[i] = lerp(p00 >> 8, p01 >> 8, p10 >> 8, p11 >> 8, fx, fy);
                    b[i] = lerp(p00, p01, p10, p11, fx, fy);
                } else {
                    r[i] = dr;
                    g[i] = dg;
                    b[i] = db;
                }
            }
        }
        Pixels.blur(r, ow, oh, blur);
        Pixels.blur(g, ow, oh, blur);
        Pixels.blur(b, ow, oh, blur);

        BufferedImage img = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        double cx = ow / 2.0;
        double cy = oh / 2.0;
        for (int y = 0; y < oh; y++) {
            double v = (y - cy) / oh;
            for (int x = 0; x < ow; x++) {
                double u = (x - cx) / ow;
                double light = base + gx * u * 2 + gy * v * 2 - vignette * (u * u + v * v) * 2;
                double t = ((x - cx) * nx + (y - cy) * ny - offset) / softness;
                light *= t <= -1 ? 1 : t >= 1 ? shadow : 1 - (1 - shadow) * (t + 1) / 2;
                float n = noise.next();
                int i = y * ow + x;
                dst[i] =
                        (Pixels.clamp(r[i] * light + n) << 16)
                                | (Pixels.clamp(g[i] * light * warmG + n) << 8)
                                | Pixels.clamp(b[i] * light * warmB + n);
            }
        }
        double top = Math.hypot(dstQuad[1][0] - dstQuad[0][0], dstQuad[1][1] - dstQuad[0][1]);
        double bottom = Math.hypot(dstQuad[2][0] - dstQuad[3][0], dstQuad[2][1] - dstQuad[3][1]);
        double effective = dpi * (top + bottom) / 2 / sw;
        PointMap map = (x, y) -> Homography.apply(fwd, x, y);
        return new Degraded(img, map, Math.round(effective * 10) / 10.0);
    }

    private static float lerp(int a, int b, int c, int d, float fx, float fy) {
        float top = (a & 0xff) + ((b & 0xff) - (a & 0xff)) * fx;
        float bottom = (c & 0xff) + ((d & 0xff) - (c & 0xff)) * fx;
        return top + (bottom - top) * fy;
    }
}
