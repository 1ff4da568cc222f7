package io.medvie.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page image with Tesseract: straightens it, brings it to about {@link
 * ReadOptions#targetDpi()}, reads it, turns it upright and reads it again when the first reading
 * suggests it is sideways or upside down, and maps the word boxes back onto the upright image at
 * its own resolution (see {@link Page} for the coordinate system).
 */
final class ScannedPageReader {
    /** OSD needs no more than this resolution; a smaller copy makes it cheaper. */
    private static final int ORIENTATION_DPI = 150;

    /** Below these a reading triggers orientation detection. */
    static final int MIN_WORDS = 5;

    static final double MIN_MEAN_CONFIDENCE = 0.7;

    private final ReadOptions options;
    private final ReadLimits limits;
    private final SkewEstimator skew;
    private final RuleRemover rules;

    /** Longer than any glyph stroke of body or heading text. */
    private static final double RULE_MIN_INCHES = 0.5;

    /** Rules are hairlines to about 1 mm; anything thicker is a filled area. */
    private static final double RULE_MAX_THICKNESS_INCHES = 0.04;

    ScannedPageReader(ReadOptions options, ReadLimits limits) {
        this.options = options;
        this.limits = limits;
        this.skew = new SkewEstimator(options.maxSkewDegrees());
        this.rules = new RuleRemover(RULE_MIN_INCHES, RULE_MAX_THICKNESS_INCHES);
    }

    Page read(BufferedImage input, int dpi, int index, long loadMillis, TesseractOcr ocr) {
        BufferedImage grey = Images.toGrey(input);
        Attempt upright = attempt(grey, dpi, 0, ocr);
        long orientMillis = 0;
        Attempt best = upright;
        // Most pages are upright, and then Tesseract reads them confidently: orientation
        // detection (100-800 ms a page) runs only when the first reading looks poor.
        if (options.detectOrientation() && looksPoor(upright.words())) {
            long start = System.nanoTime();
            int rotation = uprightRotation(grey, dpi, ocr);
            orientMillis = millisSince(start);
            if (rotation != 0) {
                Attempt turned = attempt(grey, dpi, rotation, ocr);
                // Trust a confident OSD unless the turned page reads far worse (OSD can be wrong
                // on sparse pages). A sideways page may read about as well in Tesseract's own
                // frame, but its boxes would then be sideways: the upright frame is wanted.
                if (evidence(turned.words()) >= 0.5 * evidence(upright.words())) {
                    best = turned;
                }
                // The reading thrown away is part of the cost of orientation.
                Attempt discarded = best == turned ? upright : turned;
                orientMillis += discarded.wordsMillis() + discarded.deskewMillis();
            }
        }
        return new Page(
                index,
                best.width(),
                best.height(),
                dpi,
                best.words(),
                Page.Source.OCR,
                best.rotation(),
                best.skewDegrees(),
                new Page.Timings(
                        loadMillis, orientMillis, best.deskewMillis(), best.wordsMillis()));
    }

    /** One reading of the page turned by {@code rotation}: deskewed, upscaled, OCRed. */
    private record Attempt(
            int rotation,
            int width,
            int height,
            double skewDegrees,
            List<OcrWord> words,
            long deskewMillis,
            long wordsMillis) {}

    private Attempt attempt(BufferedImage grey, int dpi, int rotation, TesseractOcr ocr) {
        BufferedImage image = Images.rotateQuadrants(grey, rotation);
        long start = System.nanoTime();
        double skewDegrees = options.deskew() ? skew.estimate(image) : 0;
        long deskewMillis = millisSince(start);
        int width = image.getWidth();
        int height = image.getHeight();

        start = System.nanoTime();
        double factor = upscaleFactor(width, height, dpi);
        BufferedImage prepared = factor == 1 ? image : Images.scale(image, factor);
        // Rotating at the higher resolution loses less detail than rotating first.
        boolean straighten = Math.abs(skewDegrees) >= 0.15;
        if (straighten) {
            long rotateStart = System.nanoTime();
            prepared = Images.rotateSmall(prepared, -skewDegrees);
            deskewMillis += millisSince(rotateStart);
            start += System.nanoTime() - rotateStart;
        }
        int ocrDpi = (int) Math.round(dpi * factor);
        if (options.removeRules()) {
            prepared = rules.remove(prepared, ocrDpi);
        }
        List<OcrWord> raw = ocr.read(prepared, ocrDpi);
        List<OcrWord> words =
                mapBack(
                        raw,
                        factor,
                        straighten ? skewDegrees : 0,
                        prepared.getWidth(),
                        prepared.getHeight(),
                        width,
                        height);
        return new Attempt(
                rotation, width, height, skewDegrees, words, deskewMillis, millisSince(start));
    }

    /**
     * True when a reading gives reason to doubt that the page was upright: too few words, a low
     * mean confidence (upside-down text reads as garbage below 0.5, upright print at 0.85-0.95), or
     * mostly tall words, which is how Tesseract's layout analysis returns a sideways page it
     * managed to read in its own frame.
     */
    static boolean looksPoor(List<OcrWord> words) {
        if (words.size() < MIN_WORDS) {
            return true;
        }
        double sum = 0;
        int long3 = 0;
        int tall = 0;
        for (OcrWord w : words) {
            sum += w.confidence();
            if (w.text().length() >= 3) {
                long3++;
                if (w.height() > w.width()) {
                    tall++;
                }
            }
        }
        return sum / words.size() < MIN_MEAN_CONFIDENCE || (long3 > 0 && tall * 2 > long3);
    }

    /** How much readable text a reading found: the summed confidence of words of 2+ characters. */
    static double evidence(List<OcrWord> words) {
        double sum = 0;
        for (OcrWord w : words) {
            if (w.text().length() >= 2) {
                sum += w.confidence();
            }
        }
        return sum;
    }

    /** Clockwise degrees to turn the image so its text is upright; 0 when unsure. */
    private int uprightRotation(BufferedImage image, int dpi, TesseractOcr ocr) {
        BufferedImage small = image;
        int osdDpi = dpi;
        if (dpi > ORIENTATION_DPI) {
            small = Images.scale(image, (double) ORIENTATION_DPI / dpi);
            osdDpi = ORIENTATION_DPI;
        }
        return ocr.detectOrientation(small, osdDpi)
                .filter(o -> o.confidence() >= options.minOrientationConfidence())
                .map(o -> Math.floorMod(360 - o.degreesClockwise(), 360))
                .orElse(0);
    }

    double upscaleFactor(int width, int height, int dpi) {
        if (dpi >= options.upscaleBelowDpi()) {
            return 1;
        }
        double wanted = (double) options.targetDpi() / dpi;
        double budget = Math.sqrt((double) limits.maxPixels() / ((double) width * height));
        double factor = Math.min(wanted, budget);
        return factor > 1.05 ? factor : 1;
    }

    /**
     * Boxes found on the scaled, straightened image, moved back onto the upright image: each corner
     * is turned by the skew about the centre, the box is the bounds of the four corners.
     */
    static List<OcrWord> mapBack(
            List<OcrWord> words,
            double factor,
            double skewDegrees,
            int preparedWidth,
            int preparedHeight,
            int width,
            int height) {
        double radians = Math.toRadians(skewDegrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = preparedWidth / 2.0;
        double cy = preparedHeight / 2.0;
        List<OcrWord> out = new ArrayList<>(words.size());
        for (OcrWord w : words) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int corner = 0; corner < 4; corner++) {
                double px = w.x() + (corner % 2 == 0 ? 0 : w.width()) - cx;
                double py = w.y() + (corner < 2 ? 0 : w.height()) - cy;
                double rx = (px * cos - py * sin + cx) / factor;
                double ry = (px * sin + py * cos + cy) / factor;
                minX = Math.min(minX, rx);
                minY = Math.min(minY, ry);
                maxX = Math.max(maxX, rx);
                maxY = Math.max(maxY, ry);
            }
            int x0 = clamp((int) Math.floor(minX), width);
            int y0 = clamp((int) Math.floor(minY), height);
            int x1 = clamp((int) Math.ceil(maxX), width);
            int y1 = clamp((int) Math.ceil(maxY), height);
            out.add(
                    new OcrWord(
                            w.text(),
                            x0,
                            y0,
                            Math.max(1, x1 - x0),
                            Math.max(1, y1 - y0),
                            w.confidence()));
        }
        return out;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
