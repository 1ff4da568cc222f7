package io.medvie.synth.generate;

import io.medvie.synth.layout.Manifest;
import io.medvie.synth.style.ImageCodec;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Template;
import io.medvie.synth.template.Templates;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Writes docs/examples: page 1 of one report per template and style, downscaled to {@link #WIDTH}
 * pixels wide. Usage: {@code ExamplePages OUT_DIR [SEED]}.
 */
public final class ExamplePages {

    static final int WIDTH = 900;
    // Photos stay noisy after smoothing and compress worst; a smaller size keeps docs/ light.
    static final int PHOTO_WIDTH = 760;

    private ExamplePages() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "docs/examples");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        Files.createDirectories(out);
        List<Template> all = Templates.all();
        for (int k = 0; k < all.size(); k++) {
            Template t = all.get(k);
            for (Style style : Style.values()) {
                // One seed per template, the same for its four styles: same report, four looks.
                SynthOptions o =
                        new SynthOptions(1, List.of(t), style, seed + 101L * k, out, 0, false, 1);
                GeneratedReport r = new ReportGenerator(o).generate(0);
                BufferedImage page = firstPage(r, style);
                String name = String.format(Locale.ROOT, "%s-%s.png", t.name(), style.id());
                Files.write(
                        out.resolve(name),
                        ImageCodec.png(
                                forDocs(
                                        downscale(page, style == Style.PHOTO ? PHOTO_WIDTH : WIDTH),
                                        style)));
                Manifest.Entry e = r.entry();
                System.out.println(name + " (" + e.pages() + " pages)");
            }
        }
    }

    private static BufferedImage firstPage(GeneratedReport r, Style style) throws IOException {
        if (style == Style.PDF) {
            try (PDDocument doc = Loader.loadPDF(r.file(ReportGenerator.PDF))) {
                return new PDFRenderer(doc).renderImageWithDPI(0, 150);
            }
        }
        String image = style == Style.CLEAN ? "page-1.png" : "page-1.jpg";
        return ImageIO.read(new ByteArrayInputStream(r.file(image)));
    }

    /**
     * Keeps docs/examples small: grey for everything but photos, and fewer grey levels for the
     * noisy styles (noise does not compress). The examples are for looking at, not for training.
     */
    static BufferedImage forDocs(BufferedImage src, Style style) {
        BufferedImage img = src;
        int levels = style == Style.PHOTO ? 32 : style == Style.SCAN ? 16 : 256;
        int step = 256 / levels;
        boolean grey = style != Style.PHOTO;
        BufferedImage out =
                new BufferedImage(
                        img.getWidth(),
                        img.getHeight(),
                        grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        if (levels < 256) {
            // Smooth the sensor noise away first; it is most of the file size.
            float[] k = new float[9];
            Arrays.fill(k, 1f / 9);
            img =
                    new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null)
                            .filter(img, null);
        }
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (grey) {
                    int v = (r * 299 + g * 587 + b * 114) / 1000 / step * step;
                    out.getRaster().setSample(x, y, 0, v);
                } else {
                    out.setRGB(
                            x,
                            y,
                            (r / step * step) << 16 | (g / step * step) << 8 | (b / step * step));
                }
            }
        }
        return out;
    }

    static BufferedImage downscale(BufferedImage src, int width) {
        BufferedImage cur = src;
        // Halve in steps first: one big bilinear step would alias thin strokes away.
        while (cur.getWidth() / 2 >= width) {
            cur = scale(cur, cur.getWidth() / 2);
        }
        return cur.getWidth() == width ? cur : scale(cur, width);
    }

    private static BufferedImage scale(BufferedImage src, int width) {
        int height = (int) Math.round(src.getHeight() * (double) width / src.getWidth());
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return dst;
    }
}
