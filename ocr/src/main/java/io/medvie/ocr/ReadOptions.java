package io.medvie.ocr;

/**
 * How {@link PageReader} prepares scanned pages for OCR.
 *
 * @param targetDpi resolution pages are rendered or upscaled to before OCR (Tesseract reads best
 *     near 300 dpi and drops decimal points below it)
 * @param upscaleBelowDpi images under this resolution are upscaled to {@code targetDpi}
 * @param detectOrientation run Tesseract's orientation detection and turn pages upright
 * @param minOrientationConfidence below this confidence the page is left as it is
 * @param deskew estimate the skew and straighten the page before OCR
 * @param maxSkewDegrees largest skew searched for
 * @param minPdfTextChars a PDF page whose text layer has fewer non-space characters is treated as
 *     scanned: rendered and OCRed
 * @param removeRules erase table rules (long thin lines) before OCR, see {@link RuleRemover}; off
 *     by default: on the synthetic set it gains 0.7 points on scans and loses 2.5 on photos
 */
public record ReadOptions(
        int targetDpi,
        int upscaleBelowDpi,
        boolean detectOrientation,
        float minOrientationConfidence,
        boolean deskew,
        double maxSkewDegrees,
        int minPdfTextChars,
        boolean removeRules) {

    public static final ReadOptions DEFAULT =
            new ReadOptions(300, 250, true, 1.0f, true, 5.0, 10, false);

    public ReadOptions {
        if (targetDpi < 72 || targetDpi > 600) {
            throw new IllegalArgumentException(
                    "ReadOptions.targetDpi must be in 72..600, got " + targetDpi);
        }
        if (upscaleBelowDpi < 0 || upscaleBelowDpi > targetDpi) {
            throw new IllegalArgumentException(
                    "ReadOptions.upscaleBelowDpi must be in 0..targetDpi, got " + upscaleBelowDpi);
        }
        if (maxSkewDegrees <= 0 || maxSkewDegrees > 45) {
            throw new IllegalArgumentException(
                    "ReadOptions.maxSkewDegrees must be in (0, 45], got " + maxSkewDegrees);
        }
        if (minPdfTextChars < 1) {
            throw new IllegalArgumentException(
                    "ReadOptions.minPdfTextChars must be at least 1, got " + minPdfTextChars);
        }
    }

    public ReadOptions withDetectOrientation(boolean value) {
        return new ReadOptions(
                targetDpi,
                upscaleBelowDpi,
                value,
                minOrientationConfidence,
                deskew,
                maxSkewDegrees,
                minPdfTextChars,
                removeRules);
    }

    public ReadOptions withDeskew(boolean value) {
        return new ReadOptions(
                targetDpi,
                upscaleBelowDpi,
                detectOrientation,
                minOrientationConfidence,
                value,
                maxSkewDegrees,
                minPdfTextChars,
                removeRules);
    }

    public ReadOptions withRemoveRules(boolean value) {
        return new ReadOptions(
                targetDpi,
                upscaleBelowDpi,
                detectOrientation,
                minOrientationConfidence,
                deskew,
                maxSkewDegrees,
                minPdfTextChars,
                value);
    }
}
