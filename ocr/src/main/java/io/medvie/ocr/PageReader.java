package io.medvie.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Node;

/**
 * Reads a document (PDF, PNG, JPEG, TIFF including multi-page) into pages of words with boxes.
 *
 * <p>Born-digital PDF pages give their text layer; scanned PDF pages are rendered at the target dpi
 * and images are loaded at theirs, then turned upright, straightened, upscaled when low-resolution
 * and read by Tesseract. Every size is checked against {@link ReadLimits} before pixels are
 * decoded.
 *
 * <p>Thread-safe and stateless: the OCR engine, which is not, is passed to each call (one per
 * thread, see {@link OcrPool}).
 */
public final class PageReader {
    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);

    /** A4's short side: to estimate the dpi of an image whose file does not say. */
    private static final double PAGE_SHORT_SIDE_INCHES = 8.27;

    /** PDFBox keeps at most this much of a document's streams in memory, the rest in temp files. */
    private static final long PDF_MEMORY_BYTES = 32L << 20;

    private final ReadLimits limits;
    private final ReadOptions options;
    private final PdfTextReader pdfText = new PdfTextReader();
    private final ScannedPageReader scanned;

    public PageReader(ReadLimits limits, ReadOptions options) {
        this.limits = limits;
        this.options = options;
        this.scanned = new ScannedPageReader(options, limits);
    }

    public PageReader() {
        this(ReadLimits.DEFAULT, ReadOptions.DEFAULT);
    }

    public ReadLimits limits() {
        return limits;
    }

    public ReadOptions options() {
        return options;
    }

    /**
     * Reads all pages of a document.
     *
     * @param bytes the file
     * @param mediaType its declared media type, or null; the file's signature wins when they differ
     * @param ocr the calling thread's engine
     * @throws PageReadException when the file is empty, corrupt, encrypted, of an unsupported type,
     *     over a limit, or has no text on any page
     */
    public List<Page> read(byte[] bytes, String mediaType, TesseractOcr ocr)
            throws PageReadException {
        DocumentType type = detect(bytes, mediaType);
        List<Page> pages;
        try {
            pages = type == DocumentType.PDF ? readPdf(bytes, ocr) : readImages(bytes, type, ocr);
        } catch (RuntimeException | StackOverflowError e) {
            // PDFBox and ImageIO meet some damaged structures (a page tree that loops, nesting
            // deep enough to exhaust the stack) wherever they walk them and throw unchecked: the
            // document is unreadable, which callers must be told as such, not as a failure of
            // theirs (the extractor would retry its whole batch forever).
            throw new CorruptInputException(
                    "the "
                            + type
                            + " cannot be read: "
                            + e.getClass().getSimpleName()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        if (pages.stream().noneMatch(Page::hasText)) {
            throw new NoTextException("no words found on any of the " + pages.size() + " page(s)");
        }
        return pages;
    }

    DocumentType detect(byte[] bytes, String mediaType) throws PageReadException {
        if (bytes == null || bytes.length == 0) {
            throw new EmptyInputException("the file is empty (0 bytes)");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new LimitExceededException("maxBytes", bytes.length, limits.maxBytes(), "file");
        }
        Optional<DocumentType> declared = DocumentType.fromMediaType(mediaType);
        Optional<DocumentType> sniffed = DocumentType.sniff(bytes);
        if (sniffed.isPresent()) {
            if (declared.isPresent() && declared.get() != sniffed.get()) {
                LOG.debug(
                        "declared type {} but the file is {}, reading it as the latter",
                        declared.get(),
                        sniffed.get());
            }
            return sniffed.get();
        }
        if (declared.isPresent()) {
            throw new CorruptInputException(
                    "declared "
                            + declared.get().mediaType()
                            + " but the file does not start like one");
        }
        throw new UnsupportedMediaTypeException(
                "unsupported media type "
                        + (mediaType == null ? "(none given)" : "'" + mediaType + "'")
                        + " and unrecognised file signature; supported: PDF, PNG, JPEG, TIFF");
    }

    // ---------------------------------------------------------------- PDF

    private List<Page> readPdf(byte[] bytes, TesseractOcr ocr) throws PageReadException {
        try (PDDocument document = loadPdf(bytes)) {
            int count = document.getNumberOfPages();
            if (count == 0) {
                throw new EmptyInputException("the PDF has no pages");
            }
            if (count > limits.maxPages()) {
                throw new LimitExceededException("maxPages", count, limits.maxPages(), "PDF");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            List<Page> pages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pages.add(readPdfPage(document, renderer, i, ocr));
            }
            return pages;
        } catch (IOException e) {
            // Closing a document that loaded fine; nothing was read wrongly.
            throw new CorruptInputException("the PDF could not be closed: " + e.getMessage(), e);
        }
    }

    private static PDDocument loadPdf(byte[] bytes) throws PageReadException {
        try {
            return Loader.loadPDF(
                    bytes,
                    "",
                    null,
                    null,
                    MemoryUsageSetting.setupMixed(PDF_MEMORY_BYTES).streamCache);
        } catch (InvalidPasswordException e) {
            throw new EncryptedInputException("the PDF is encrypted and needs a password", e);
        } catch (IOException e) {
            throw new CorruptInputException("the PDF cannot be parsed: " + e.getMessage(), e);
        }
    }

    private Page readPdfPage(PDDocument document, PDFRenderer renderer, int index, TesseractOcr ocr)
            throws PageReadException {
        PDPage page = document.getPage(index);
        float dpi = options.targetDpi();
        long start = System.nanoTime();
        List<OcrWord> words;
        try {
            words = pdfText.read(document, index, dpi);
        } catch (IOException | RuntimeException e) {
            // PDFBox signals broken content streams with both; the page is unreadable either way.
            throw new CorruptInputException(
                    "page " + (index + 1) + " of the PDF cannot be read: " + e.getMessage(), e);
        }
        int chars = words.stream().mapToInt(w -> w.text().length()).sum();
        if (chars >= options.minPdfTextChars()) {
            // Words are in the frame before /Rotate, where ordinary text runs left to right; the
            // rendered page turned clockwise by the page's rotation's complement gives it.
            int[] size = PdfTextReader.textFrameSize(page, dpi);
            int rotation = Math.floorMod(-page.getRotation(), 360);
            long millis = ScannedPageReader.millisSince(start);
            LOG.debug(
                    "pdf page {}: {} words from the text layer in {} ms",
                    index,
                    words.size(),
                    millis);
            return new Page(
                    index,
                    size[0],
                    size[1],
                    Math.round(dpi),
                    words,
                    Page.Source.PDF_TEXT,
                    rotation,
                    0,
                    new Page.Timings(0, 0, 0, millis));
        }
        float renderDpi = renderDpi(page, index);
        checkEmbeddedImages(page, index);
        BufferedImage image;
        try {
            image = renderer.renderImageWithDPI(index, renderDpi, ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
            throw new CorruptInputException(
                    "page " + (index + 1) + " of the PDF cannot be rendered: " + e.getMessage(), e);
        }
        long loadMillis = ScannedPageReader.millisSince(start);
        Page result = scanned.read(image, Math.round(renderDpi), index, loadMillis, ocr);
        LOG.debug(
                "pdf page {}: {} words by OCR in {} ms",
                index,
                result.words().size(),
                result.timings().totalMillis());
        return result;
    }

    /** The target dpi, lowered when the page is so large that its render would pass maxPixels. */
    private float renderDpi(PDPage page, int index) throws PageReadException {
        float dpi = options.targetDpi();
        int[] size = PdfTextReader.pixelSize(page, dpi);
        long pixels = (long) size[0] * size[1];
        if (pixels <= limits.maxPixels()) {
            return dpi;
        }
        float reduced = (float) (dpi * Math.sqrt((double) limits.maxPixels() / pixels));
        if (reduced < 72) {
            throw new LimitExceededException(
                    "maxPixels",
                    pixels,
                    limits.maxPixels(),
                    "page " + (index + 1) + " at " + dpi + " dpi");
        }
        return reduced;
    }

    /** Refuses pages whose images would decode past the pixel budget while rendering. */
    private void checkEmbeddedImages(PDPage page, int index) throws PageReadException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return;
        }
        try {
            for (COSName name : resources.getXObjectNames()) {
                PDXObject object = resources.getXObject(name);
                if (object instanceof PDImageXObject image) {
                    long pixels = (long) image.getWidth() * image.getHeight();
                    if (pixels > limits.maxPixels()) {
                        throw new LimitExceededException(
                                "maxPixels",
                                pixels,
                                limits.maxPixels(),
                                "an image on page " + (index + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new CorruptInputException(
                    "page "
                            + (index + 1)
                            + " of the PDF has unreadable resources: "
                            + e.getMessage(),
                    e);
        }
    }

    // ---------------------------------------------------------------- images

    private List<Page> readImages(byte[] bytes, DocumentType type, TesseractOcr ocr)
            throws PageReadException {
        // A memory cache: ImageIO's default stream for byte input would spill to temp files.
        try (ImageInputStream input =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = decoder(input, type);
            try {
                int count = decode(type, () -> frameCount(reader, type));
                if (count == 0) {
                    throw new EmptyInputException("the " + type + " file holds no image");
                }
                List<Page> pages = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    pages.add(readFrame(reader, type, i, ocr));
                }
                return pages;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            // Only closing an in-memory stream gets here.
            throw new CorruptInputException(
                    "the " + type + " image stream failed: " + e.getMessage(), e);
        }
    }

    private static ImageReader decoder(ImageInputStream input, DocumentType type)
            throws PageReadException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            throw new CorruptInputException("no decoder accepts this " + type + " file");
        }
        ImageReader reader = readers.next();
        reader.setInput(input, false, false);
        return reader;
    }

    private Page readFrame(ImageReader reader, DocumentType type, int index, TesseractOcr ocr)
            throws PageReadException {
        long start = System.nanoTime();
        int width = decode(type, () -> reader.getWidth(index));
        int height = decode(type, () -> reader.getHeight(index));
        checkSize(width, height, index, type);
        int dpi = dpi(decode(type, () -> reader.getImageMetadata(index)), width, height);
        BufferedImage image = decode(type, () -> reader.read(index));
        long loadMillis = ScannedPageReader.millisSince(start);
        Page page = scanned.read(image, dpi, index, loadMillis, ocr);
        LOG.debug(
                "{} page {}: {}x{} at {} dpi, {} words in {} ms",
                type,
                index,
                width,
                height,
                dpi,
                page.words().size(),
                page.timings().totalMillis());
        return page;
    }

    private interface DecodeStep<T> {
        T run() throws IOException, PageReadException;
    }

    private static <T> T decode(DocumentType type, DecodeStep<T> step) throws PageReadException {
        try {
            return step.run();
        } catch (IOException | RuntimeException e) {
            // ImageIO decoders report damaged data with IIOException and, for some truncations,
            // with runtime exceptions (IndexOutOfBounds, IllegalArgument, NegativeArraySize).
            throw new CorruptInputException("the " + type + " image cannot be decoded: " + e, e);
        }
    }

    private int frameCount(ImageReader reader, DocumentType type)
            throws IOException, PageReadException {
        if (type != DocumentType.TIFF) {
            return 1;
        }
        // Walk the frames one by one so a TIFF with a huge frame chain stops at the limit.
        int count = 0;
        while (true) {
            try {
                reader.getWidth(count);
            } catch (IndexOutOfBoundsException e) {
                return count;
            }
            count++;
            if (count > limits.maxPages()) {
                throw new LimitExceededException(
                        "maxPages", count, limits.maxPages(), "TIFF (counted so far)");
            }
        }
    }

    private void checkSize(int width, int height, int index, DocumentType type)
            throws PageReadException {
        long pixels = (long) width * height;
        String what = type + " page " + (index + 1) + " of " + width + "x" + height;
        if (pixels > limits.maxPixels()) {
            throw new LimitExceededException("maxPixels", pixels, limits.maxPixels(), what);
        }
        if (Math.min(width, height) < limits.minSide()) {
            throw new ImageTooSmallException(
                    what
                            + " is too small to hold text (the smallest side must be at least "
                            + limits.minSide()
                            + " pixels)");
        }
    }

    /**
     * The image's resolution from its metadata when plausible for a page, else estimated from its
     * size as if it showed an A4 page. Camera JPEGs often claim 72 dpi for a 4000-pixel photo; a
     * page wider than 17 inches means the metadata is wrong.
     */
    static int dpi(IIOMetadata metadata, int width, int height) {
        double fromFile = metadataDpi(metadata);
        int shortSide = Math.min(width, height);
        if (fromFile >= 50 && fromFile <= 2400 && shortSide / fromFile <= 17) {
            return (int) Math.round(fromFile);
        }
        return estimatedDpi(width, height);
    }

    static int estimatedDpi(int width, int height) {
        int shortSide = Math.min(width, height);
        return (int) Math.max(50, Math.min(600, Math.round(shortSide / PAGE_SHORT_SIDE_INCHES)));
    }

    private static double metadataDpi(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        Node root = metadata.getAsTree("javax_imageio_1.0");
        for (Node dimension = root.getFirstChild();
                dimension != null;
                dimension = dimension.getNextSibling()) {
            if (!"Dimension".equals(dimension.getNodeName())) {
                continue;
            }
            for (Node child = dimension.getFirstChild();
                    child != null;
                    child = child.getNextSibling()) {
                if ("HorizontalPixelSize".equals(child.getNodeName())
                        && child instanceof IIOMetadataNode node) {
                    try {
                        double millimetresPerPixel = Double.parseDouble(node.getAttribute("value"));
                        return millimetresPerPixel > 0 ? 25.4 / millimetresPerPixel : 0;
                    } catch (NumberFormatException e) {
                        // A malformed value is as good as none: the size-based estimate is used.
                        return 0;
                    }
                }
            }
        }
        return 0;
    }
}
