package io.medvie.ocr;

import static org.bytedeco.tesseract.global.tesseract.OEM_DEFAULT;
import static org.bytedeco.tesseract.global.tesseract.OEM_TESSERACT_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_AUTO;
import static org.bytedeco.tesseract.global.tesseract.PSM_OSD_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_SPARSE_TEXT;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.tesseract.FileReader;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.StringVector;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract 5 (LSTM, English) reading one image into words with boxes.
 *
 * <p>One instance per thread: a {@code TessBaseAPI} keeps per-page state and is not thread-safe.
 * The English model is loaded from the class path into memory, so no tessdata folder has to exist
 * on the machine.
 */
public final class TesseractOcr implements AutoCloseable {

    /** How Tesseract turns the grey image into black and white before recognition. */
    public enum Thresholding {
        /** Tesseract's default global Otsu: best on clean pages and flat scans. */
        OTSU("0"),
        /** Adaptive Sauvola: better on uneven light (phone photos, shadows). */
        SAUVOLA("2");

        private final String value;

        Thresholding(String value) {
            this.value = value;
        }
    }

    /** How Tesseract finds text on the page before reading it. */
    public enum Segmentation {
        /** Full layout analysis into blocks, paragraphs and lines (PSM 3). */
        AUTO(PSM_AUTO),
        /**
         * As much text as possible in no particular order (PSM 11): finds the short, isolated words
         * of table columns that layout analysis sometimes drops as non-text.
         */
        SPARSE(PSM_SPARSE_TEXT);

        private final int mode;

        Segmentation(int mode) {
            this.mode = mode;
        }
    }

    /**
     * Which way a page's text is turned, from Tesseract's orientation detection.
     *
     * @param degreesClockwise 0, 90, 180 or 270: how far the text is turned clockwise; turn the
     *     image counter-clockwise by this much to make it upright
     * @param confidence Tesseract's orientation confidence (unbounded; above about 1.5 is reliable)
     */
    public record Orientation(int degreesClockwise, float confidence) {}

    private static final String ENG_MODEL = "/tessdata/eng.traineddata";
    // osd.traineddata also ships in tess4j's jar: a legacy-engine model for orientation and script.
    private static final String OSD_MODEL = "/tessdata/osd.traineddata";

    private final TessBaseAPI api;
    private TessBaseAPI osd;
    private boolean closed;

    private TesseractOcr(TessBaseAPI api) {
        this.api = api;
    }

    /**
     * An engine with the English model, Sauvola thresholding and full layout analysis. Sauvola is
     * the default because on the synthetic phone photos it reads 81% of words against 63% with
     * Otsu, and on clean and scanned pages it is within half a point (docs/benchmarks.md).
     */
    public static TesseractOcr create() {
        return create(Thresholding.SAUVOLA);
    }

    /** An engine with the English model, the given thresholding and full layout analysis. */
    public static TesseractOcr create(Thresholding thresholding) {
        return create(thresholding, Segmentation.AUTO);
    }

    /** An engine with the English model and the given thresholding and segmentation. */
    public static TesseractOcr create(Thresholding thresholding, Segmentation segmentation) {
        TessBaseAPI api = init(ENG_MODEL, "eng", OEM_DEFAULT);
        // Inverted (white on black) text is rare in lab reports and checking for it costs time.
        api.SetVariable("tessedit_do_invert", "0");
        api.SetVariable("thresholding_method", thresholding.value);
        api.SetPageSegMode(segmentation.mode);
        return new TesseractOcr(api);
    }

    private static TessBaseAPI init(String resource, String language, int engineMode) {
        byte[] model = loadResource(resource);
        TessBaseAPI api = new TessBaseAPI();
        int rc;
        // Tesseract copies the model into its own buffer during Init, so the pointers can go.
        try (BytePointer data = new BytePointer(model);
                BytePointer lang = new BytePointer(language)) {
            rc =
                    api.Init(
                            data,
                            model.length,
                            lang,
                            engineMode,
                            (PointerPointer<?>) null,
                            0,
                            (StringVector) null,
                            (StringVector) null,
                            false,
                            (FileReader) null);
        }
        if (rc != 0) {
            api.End();
            api.close();
            throw new IllegalStateException(
                    "Tesseract Init of " + resource + " failed with code " + rc);
        }
        // Tesseract prints resolution and layout warnings to stderr; they say nothing we act on.
        api.SetVariable("debug_file", "/dev/null");
        return api;
    }

    static byte[] loadResource(String name) {
        try (InputStream in = TesseractOcr.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        name + " is not on the class path (it comes from tess4j's jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Reads the words of an image.
     *
     * @param image any BufferedImage; it is converted to 8-bit grey
     * @param dpi the image's resolution, which Tesseract uses to size its filters; 300 is best
     * @return the words in reading order, boxes in pixels of {@code image}
     */
    public List<OcrWord> read(BufferedImage image, int dpi) {
        if (closed) {
            throw new IllegalStateException("TesseractOcr is closed");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = Images.greyBytes(image);
        api.SetImage(grey, width, height, 1, width);
        api.SetSourceResolution(dpi);
        try {
            int rc = api.Recognize(null);
            if (rc != 0) {
                throw new IllegalStateException("Tesseract Recognize failed with code " + rc);
            }
            return words();
        } finally {
            api.Clear();
        }
    }

    /**
     * Detects which way the text of an image is turned (0/90/180/270), with Tesseract's OSD model
     * loaded on first use (about 10 MB per engine).
     *
     * @return the orientation, or empty when Tesseract finds too few characters to tell
     */
    public Optional<Orientation> detectOrientation(BufferedImage image, int dpi) {
        if (closed) {
            throw new IllegalStateException("TesseractOcr is closed");
        }
        if (osd == null) {
            osd = init(OSD_MODEL, "osd", OEM_TESSERACT_ONLY);
            osd.SetPageSegMode(PSM_OSD_ONLY);
        }
        int width = image.getWidth();
        osd.SetImage(Images.greyBytes(image), width, image.getHeight(), 1, width);
        osd.SetSourceResolution(dpi);
        try {
            int[] degrees = new int[1];
            float[] confidence = new float[1];
            float[] scriptConfidence = new float[1];
            boolean found =
                    osd.DetectOrientationScript(
                            degrees, confidence, (byte[]) null, scriptConfidence);
            if (!found) {
                return Optional.empty();
            }
            return Optional.of(new Orientation(Math.floorMod(degrees[0], 360), confidence[0]));
        } finally {
            osd.Clear();
        }
    }

    private List<OcrWord> words() {
        ResultIterator it = api.GetIterator();
        List<OcrWord> words = new ArrayList<>();
        if (it == null) {
            return words;
        }
        int[] left = new int[1];
        int[] top = new int[1];
        int[] right = new int[1];
        int[] bottom = new int[1];
        try {
            do {
                BytePointer utf8 = it.GetUTF8Text(RIL_WORD);
                if (utf8 == null) {
                    continue;
                }
                String text;
                try {
                    text = utf8.getString(StandardCharsets.UTF_8).strip();
                } finally {
                    tesseract.TessDeleteText(utf8);
                }
                if (text.isEmpty() || !it.BoundingBox(RIL_WORD, left, top, right, bottom)) {
                    continue;
                }
                float confidence = Math.max(0f, Math.min(1f, it.Confidence(RIL_WORD) / 100f));
                words.add(
                        new OcrWord(
                                text,
                                left[0],
                                top[0],
                                right[0] - left[0],
                                bottom[0] - top[0],
                                confidence));
            } while (it.Next(RIL_WORD));
        } finally {
            tesseract.TessResultIteratorDelete(it);
        }
        return words;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            api.End();
            api.close();
            if (osd != null) {
                osd.End();
                osd.close();
            }
        }
    }
}
