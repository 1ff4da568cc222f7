package io.medvie.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Erases table rules (long thin horizontal and vertical lines) from a grey page before OCR.
 *
 * <p>Rules that touch text are read as characters ("|%" for "%", "L5" for "7.5") and make
 * Tesseract's layout analysis merge cells. A rule is a run of dark pixels at least {@code
 * minLengthInches} long and at most {@code maxThicknessInches} thick; filled areas (thicker runs,
 * such as a dark banner) and text (short runs) are left alone.
 */
public final class RuleRemover {
    private final double minLengthInches;
    private final double maxThicknessInches;

    public RuleRemover(double minLengthInches, double maxThicknessInches) {
        if (minLengthInches <= 0 || maxThicknessInches <= 0) {
            throw new IllegalArgumentException(
                    "rule length and thickness must be positive, got "
                            + minLengthInches
                            + " and "
                            + maxThicknessInches);
        }
        this.minLengthInches = minLengthInches;
        this.maxThicknessInches = maxThicknessInches;
    }

    /** A copy of the grey image with its rules painted white; the input is not changed. */
    public BufferedImage remove(BufferedImage image, int dpi) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] source = Images.greyBytes(image);
        int threshold = SkewEstimator.darkThreshold(source);
        int minLength = Math.max(8, (int) Math.round(minLengthInches * dpi));
        int maxThickness = Math.max(1, (int) Math.round(maxThicknessInches * dpi));

        boolean[] horizontal = new boolean[width * height];
        boolean[] vertical = new boolean[width * height];
        markRuns(source, width, height, threshold, minLength, horizontal, true);
        markRuns(source, width, height, threshold, minLength, vertical, false);
        dropThick(horizontal, width, height, maxThickness, false);
        dropThick(vertical, width, height, maxThickness, true);

        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(source, 0, target, 0, source.length);
        // The anti-aliased fringe of a rule is lighter than the threshold; clear pixels next to a
        // rule that are darker than halfway to white as well.
        int fringe = threshold + (255 - threshold) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (horizontal[i] || vertical[i]) {
                    target[i] = (byte) 255;
                    clearFringe(source, target, width, height, x, y - 1, fringe, horizontal[i]);
                    clearFringe(source, target, width, height, x, y + 1, fringe, horizontal[i]);
                    clearFringe(source, target, width, height, x - 1, y, fringe, vertical[i]);
                    clearFringe(source, target, width, height, x + 1, y, fringe, vertical[i]);
                }
            }
        }
        return out;
    }

    private static void clearFringe(
            byte[] source,
            byte[] target,
            int width,
            int height,
            int x,
            int y,
            int fringe,
            boolean on) {
        if (!on || x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int i = y * width + x;
        if ((source[i] & 0xff) < fringe) {
            target[i] = (byte) 255;
        }
    }

    /** Marks dark runs of at least minLength along rows (or columns). */
    static void markRuns(
            byte[] grey,
            int width,
            int height,
            int threshold,
            int minLength,
            boolean[] mark,
            boolean alongRows) {
        int lines = alongRows ? height : width;
        int length = alongRows ? width : height;
        for (int line = 0; line < lines; line++) {
            int runStart = -1;
            for (int pos = 0; pos <= length; pos++) {
                boolean dark =
                        pos < length
                                && (grey[index(line, pos, width, alongRows)] & 0xff) < threshold;
                if (dark && runStart < 0) {
                    runStart = pos;
                } else if (!dark && runStart >= 0) {
                    if (pos - runStart >= minLength) {
                        for (int p = runStart; p < pos; p++) {
                            mark[index(line, p, width, alongRows)] = true;
                        }
                    }
                    runStart = -1;
                }
            }
        }
    }

    /**
     * Unmarks stacks of marked pixels thicker than maxThickness across the run direction: those are
     * filled areas, not rules. For horizontal rules the stack runs down a column.
     */
    static void dropThick(
            boolean[] mark, int width, int height, int maxThickness, boolean rulesAreVertical) {
        int lines = rulesAreVertical ? height : width;
        int length = rulesAreVertical ? width : height;
        for (int line = 0; line < lines; line++) {
            int start = -1;
            for (int pos = 0; pos <= length; pos++) {
                // Walk across the rule direction: for horizontal rules, down each column.
                int i =
                        rulesAreVertical
                                ? line * width + Math.min(pos, width - 1)
                                : Math.min(pos, height - 1) * width + line;
                boolean on = pos < length && mark[i];
                if (on && start < 0) {
                    start = pos;
                } else if (!on && start >= 0) {
                    if (pos - start > maxThickness) {
                        for (int p = start; p < pos; p++) {
                            mark[rulesAreVertical ? line * width + p : p * width + line] = false;
                        }
                    }
                    start = -1;
                }
            }
        }
    }

    private static int index(int line, int pos, int width, boolean alongRows) {
        return alongRows ? line * width + pos : pos * width + line;
    }
}
