package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageReaderIT {
    private static TesseractOcr ocr;
    private final PageReader reader = new PageReader();

    @BeforeAll
    static void engine() {
        ocr = TesseractOcr.create();
    }

    @AfterAll
    static void closeEngine() {
        ocr.close();
    }

    @Test
    void readsAPngWithBoxesInItsOwnPixels() throws Exception {
        List<OcrWord> truth = new ArrayList<>();
        byte[] png = TestPages.encode(TestPages.labPage(300, truth), "png");
        List<Page> pages = reader.read(png, "image/png", ocr);
        assertThat(pages).hasSize(1);
        Page page = pages.get(0);
        assertThat(page.source()).isEqualTo(Page.Source.OCR);
        assertThat(page.rotation()).isZero();
        assertThat(page.skewDegrees()).isCloseTo(0, offset(0.15));
        assertThat(page.width()).isEqualTo(2481);
        assertThat(page.dpi()).isEqualTo(300); // estimated from the A4 size, no dpi in the file
        assertThat(TestPages.matched(truth, page.words())).isGreaterThanOrEqualTo(truth.size() - 2);
        System.out.printf("PageReaderIT png: %s%n", page.timings());
    }

    @Test
    void upscalesALowResolutionPageAndKeepsItsCoordinates() throws Exception {
        List<OcrWord> truth = new ArrayList<>();
        BufferedImage low = TestPages.labPage(150, truth);
        Page page = reader.read(TestPages.encode(low, "png"), "image/png", ocr).get(0);
        assertThat(page.width()).isEqualTo(low.getWidth());
        assertThat(page.dpi()).isEqualTo(150);
        // Decimal points are what low resolution loses first (STACK.md).
        assertThat(page.words()).extracting(OcrWord::text).contains("13.2", "5.4", "4.1");
        assertThat(TestPages.matched(truth, page.words())).isGreaterThanOrEqualTo(truth.size() - 3);
    }

    @Test
    void readsAJpegScan() throws Exception {
        List<OcrWord> truth = new ArrayList<>();
        BufferedImage scan = TestPages.labPage(200, truth);
        Page page = reader.read(TestPages.encode(scan, "jpeg"), "image/jpeg", ocr).get(0);
        // JPEG ringing at this size turns some decimal points into colons; most words survive.
        assertThat(TestPages.matched(truth, page.words())).isGreaterThanOrEqualTo(truth.size() - 4);
    }

    @Test
    void turnsASidewaysPageUpright() throws Exception {
        List<OcrWord> truth = new ArrayList<>();
        BufferedImage upright = TestPages.labPage(200, truth);
        BufferedImage sideways = Images.rotateQuadrants(upright, 90);
        Page page = reader.read(TestPages.encode(sideways, "png"), null, ocr).get(0);
        assertThat(page.rotation()).isEqualTo(270);
        assertThat(page.width()).isEqualTo(upright.getWidth());
        assertThat(TestPages.matched(truth, page.words())).isGreaterThanOrEqualTo(truth.size() - 3);
        System.out.printf("PageReaderIT sideways: %s%n", page.timings());
    }

    @Test
    void turnsAnUpsideDownPageUpright() throws Exception {
        List<OcrWord> truth = new ArrayList<>();
        BufferedImage upright = TestPages.labPage(200, truth);
        Page page =
                reader.read(
                                TestPages.encode(Images.rotateQuadrants(upright, 180), "png"),
                                null,
                                ocr)
                        .get(0);
        assertThat(page.rotation()).isEqualTo(180);
        assertThat(TestPages.matched(truth, page.words())).isGreaterThanOrEqualTo(truth.size() - 3);
    }

    @Test
    void straightensASkewedScanAndBoxesTheSkewedInk() throws Exception {
        List<OcrWord> truth = new ArrayList<>();
        BufferedImage straight = TestPages.labPage(300, truth);
        double skew = 2.5;
        BufferedImage skewed = Images.rotateSmall(straight, skew);
        List<OcrWord> skewedTruth =
                TestPages.transform(
                        truth,
                        AffineTransform.getRotateInstance(
                                Math.toRadians(skew),
                                straight.getWidth() / 2.0,
                                straight.getHeight() / 2.0));
        Page page = reader.read(TestPages.encode(skewed, "png"), "image/png", ocr).get(0);
        assertThat(page.skewDegrees()).isCloseTo(skew, offset(0.2));
        assertThat(TestPages.matched(skewedTruth, page.words()))
                .isGreaterThanOrEqualTo(skewedTruth.size() - 3);
        // Whether straightening pays is measured on the synthetic scans (docs/benchmarks.md:
        // 90.5% with, 89.2% without); on this one page both read within a word of each other.
        System.out.printf("PageReaderIT skewed: %s%n", page.timings());
    }

    @Test
    void readsEveryFrameOfAMultiPageTiff() throws Exception {
        List<OcrWord> truth = new ArrayList<>();
        BufferedImage first = TestPages.labPage(200, truth);
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        blank.getGraphics().fillRect(0, 0, 400, 300);
        byte[] tiff = tiff(first, blank);
        List<Page> pages = reader.read(tiff, "image/tiff", ocr);
        assertThat(pages).extracting(Page::index).containsExactly(0, 1);
        assertThat(TestPages.matched(truth, pages.get(0).words()))
                .isGreaterThanOrEqualTo(truth.size() - 3);
        assertThat(pages.get(1).hasText()).isFalse();
    }

    static byte[] tiff(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
