package io.medvie.review.task;

import io.medvie.blobstore.BlobStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The page images a reviewer sees, from the blob store: PNG and JPEG as they are, other images
 * re-encoded as PNG, PDF pages rendered at {@value #PDF_DPI} dpi.
 *
 * <p>Field boxes are in pixels of the image the extractor read: the image itself, or a PDF page
 * rendered at {@value #EXTRACTOR_PDF_DPI} dpi. Each page says by how much to scale a box to fit
 * what is shown. A few rendered pages are cached, since a reviewer opens the same task's page again
 * and again while working on it.
 */
public final class PageImages {
    public static final int PDF_DPI = 150;
    public static final int EXTRACTOR_PDF_DPI = 300;
    private static final int CACHE_PAGES = 16;

    /** One page ready to send. */
    public record Page(byte[] bytes, String contentType, int width, int height, double boxScale) {}

    /** The blob cannot be shown as an image. */
    public static final class UnreadablePageException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadablePageException(String message) {
            super(message);
        }
    }

    private final BlobStore blobs;
    private final Map<String, Page> cache =
            new LinkedHashMap<>(32, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                    return size() > CACHE_PAGES;
                }
            };
    private final Map<String, Integer> pageCounts = new LinkedHashMap<>();

    public PageImages(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** By how much a field's box is scaled to fit the page as shown. */
    public static double boxScale(String mediaType) {
        return isPdf(mediaType) ? (double) PDF_DPI / EXTRACTOR_PDF_DPI : 1.0;
    }

    /** How many pages the report has. */
    public int pageCount(String blobUri, String mediaType) throws IOException {
        if (!isPdf(mediaType)) {
            return 1;
        }
        synchronized (pageCounts) {
            Integer known = pageCounts.get(blobUri);
            if (known != null) {
                return known;
            }
        }
        int count;
        try (PDDocument doc = Loader.loadPDF(blobs.read(blobUri))) {
            count = doc.getNumberOfPages();
        }
        synchronized (pageCounts) {
            pageCounts.put(blobUri, count);
        }
        return count;
    }

    /** A page, zero-based. */
    public Page page(String blobUri, String mediaType, int index) throws IOException {
        String key = blobUri + "#" + index;
        synchronized (cache) {
            Page cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Page page = isPdf(mediaType) ? renderPdf(blobUri, index) : image(blobUri, mediaType, index);
        synchronized (cache) {
            cache.put(key, page);
        }
        return page;
    }

    private Page renderPdf(String blobUri, int index) throws IOException {
        try (PDDocument doc = Loader.loadPDF(blobs.read(blobUri))) {
            if (index < 0 || index >= doc.getNumberOfPages()) {
                throw new UnreadablePageException("no page " + index);
            }
            BufferedImage image =
                    new PDFRenderer(doc).renderImageWithDPI(index, PDF_DPI, ImageType.RGB);
            return new Page(
                    png(image),
                    "image/png",
                    image.getWidth(),
                    image.getHeight(),
                    (double) PDF_DPI / EXTRACTOR_PDF_DPI);
        }
    }

    private Page image(String blobUri, String mediaType, int index) throws IOException {
        if (index != 0) {
            throw new UnreadablePageException("an image has one page");
        }
        byte[] bytes = blobs.read(blobUri);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new UnreadablePageException("not a readable image: " + mediaType);
        }
        if (mediaType.equals("image/png") || mediaType.equals("image/jpeg")) {
            return new Page(bytes, mediaType, image.getWidth(), image.getHeight(), 1.0);
        }
        return new Page(png(image), "image/png", image.getWidth(), image.getHeight(), 1.0);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static boolean isPdf(String mediaType) {
        return "application/pdf".equals(mediaType);
    }
}
