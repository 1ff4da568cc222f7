package io.medvie.synth.style;

import io.medvie.synth.content.Rng;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A flatbed scan of a grey page: slight rotation and shift, toner that is not quite black, blur,
 * sensor noise and dust. JPEG artefacts come from the encoder afterwards.
 */
public final class ScanEffect {

    private ScanEffect() {}

    /** The parameters drawn for one page, exposed so tests can check their bounds. */
    public record Params(
            double angleDeg,
            double shiftX,
            double shiftY,
            double blur,
            double noise,
            int ink,
            int paper) {}

    /** A fold across the page: a thin dark line with a lighter band beside it. */
    private static void crease(byte[] px, int w, int h, Rng rng) {
        int y0 = (int) (h * rng.uniform(0.3, 0.7));
        int dark = rng.between(25, 60);
        for (int y = Math.max(0, y0 - 6); y < Math.min(h, y0 + 7); y++) {
            int d = y - y0;
            int delta = d == 0 || d == 1 ? -dark : d > 1 ? Math.max(0, 8 - d) : 0;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                px[i] = (byte) Pixels.clamp((px[i] & 0xff) + delta);
            }
        }
    }

    /** Two filing holes in the left margin (80 mm apart, 6 mm wide), dark as the scanner lid. */
    private static void punchHoles(byte[] px, int w, int h, double dpi, Rng rng) {
        double r = 3 / 25.4 * dpi;
        double cx = rng.uniform(5, 7) / 25.4 * dpi;
        int shade = rng.between(30, 90);
        for (double cy : new double[] {h / 2.0 - 40 / 25.4 * dpi, h / 2.0 + 40 / 25.4 * dpi}) {
            for (int y = (int) (cy - r); y <= (int) (cy + r); y++) {
                for (int x = (int) (cx - r); x <= (int) (cx + r); x++) {
                    if (x >= 0
                            && y >= 0
                            && x < w
                            && y < h
                            && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                        px[y * w + x] = (byte) shade;
                    }
                }
            }
        }
    }

    public static Params draw(Rng rng, int w, int h) {
        double angle = rng.uniform(-3.0, 3.0);
        return new Params(
                angle,
                rng.uniform(-0.008, 0.008) * w,
                rng.uniform(-0.008, 0.008) * h,
                // Tuned so that bare Tesseract through our page reader reads about 90% of the
                // words (docs/benchmarks.md): hard but readable, like office scans.
                rng.uniform(0.3, 0.6),
                rng.uniform(2, 6),
                rng.between(15, 45),
                rng.between(228, 250));
    }

    public static Degraded apply(BufferedImage clean, double dpi, Rng rng) {
        int w = clean.getWidth();
        int h = clean.getHeight();
        Params p = draw(rng, w, h);
        byte[] src = ((DataBufferByte) clean.getRaster().getDataBuffer()).getData();
        float[] in = new float[w * h];
        // Toner and paper: map 0..255 to ink..paper before anything else.
        float scale = (p.paper() - p.ink()) / 255f;
        for (int i = 0; i < in.length; i++) {
            in[i] = p.ink() + (src[i] & 0xff) * scale;
        }
        double rad = Math.toRadians(p.angleDeg());
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double cx = w / 2.0;
        double cy = h / 2.0;
        float[] out = new float[w * h];
        float lid = (float) Math.min(255, p.paper() + 4);
        for (int y = 0; y < h; y++) {
            double dy = y - cy - p.shiftY();
            double dx0 = -cx - p.shiftX();
            // Inverse rotation, stepped along the row: where each output pixel comes from.
            double sx = cos * dx0 + sin * dy + cx;
            double sy = -sin * dx0 + cos * dy + cy;
            int row = y * w;
            for (int x = 0; x < w; x++, sx += cos, sy -= sin) {
                if (sx < 0 || sy < 0 || sx >= w - 1 || sy >= h - 1) {
                    out[row + x] = lid;
                    continue;
                }
                int x0 = (int) sx;
                int y0 = (int) sy;
                float fx = (float) (sx - x0);
                float fy = (float) (sy - y0);
                int i = y0 * w + x0;
                float a = in[i] + (in[i + 1] - in[i]) * fx;
                float b = in[i + w] + (in[i + w + 1] - in[i + w]) * fx;
                out[row + x] = a + (b - a) * fy;
            }
        }
        Pixels.blur(out, w, h, p.blur() * dpi / 200.0);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Pixels.Noise noise = new Pixels.Noise(rng, p.noise());
        for (int i = 0; i < out.length; i++) {
            dst[i] = (byte) Pixels.clamp(out[i] + noise.next());
        }
        int specks = rng.between(20, 200);
        for (int i = 0; i < specks; i++) {
            int x = rng.nextInt(w);
            int y = rng.nextInt(h);
            int r = rng.between(0, 1);
            int v = rng.between(40, 160);
            for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                    dst[yy * w + xx] = (byte) v;
                }
            }
        }
        if (rng.chance(0.3)) {
            crease(dst, w, h, rng);
        }
        if (rng.chance(0.25)) {
            punchHoles(dst, w, h, dpi, rng);
        }
        PointMap map =
                (x, y) -> {
                    double dx = x - cx;
                    double dy = y - cy;
                    return new double[] {
                        cos * dx - sin * dy + cx + p.shiftX(), sin * dx + cos * dy + cy + p.shiftY()
                    };
                };
        return new Degraded(img, map, dpi);
    }
}
