package io.medvie.ocr;

/**
 * Bounds on what {@link PageReader} accepts, checked before decoding so that memory per reading
 * thread stays below about {@code maxPixels * 6} bytes (a decoded RGB image, its grey copy and one
 * transformed copy).
 *
 * @param maxBytes largest input file in bytes
 * @param maxPages most pages (PDF pages, TIFF frames) in one document
 * @param maxPixels most pixels in one page image, as stored or as it would be rendered or upscaled
 * @param minSide smallest width or height in pixels of an image worth reading
 */
public record ReadLimits(long maxBytes, int maxPages, long maxPixels, int minSide) {

    /** 64 MB, 100 pages, 40 megapixels (A4 at 600 dpi is 35), 16 pixels. */
    public static final ReadLimits DEFAULT = new ReadLimits(64L << 20, 100, 40_000_000L, 16);

    public ReadLimits {
        require("maxBytes", maxBytes, 1);
        require("maxPages", maxPages, 1);
        require("maxPixels", maxPixels, 10_000);
        require("minSide", minSide, 1);
    }

    private static void require(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(
                    "ReadLimits." + name + " must be at least " + min + ", got " + value);
        }
    }
}
