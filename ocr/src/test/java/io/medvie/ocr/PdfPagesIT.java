package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfPagesIT {
    static final File FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
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

    /** A born-digital A4 page: 12 pt text whose baseline starts at (72 pt, 100 pt from the top). */
    static byte[] bornDigital(String... lines) throws IOException {
        return bornDigital(0, lines);
    }

    static byte[] bornDigital(int rotation, String... lines) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setRotation(rotation);
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, FONT);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(72, PDRectangle.A4.getHeight() - 100);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -20);
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsTheTextLayerWithPositionsAt300Dpi() throws Exception {
        byte[] pdf = bornDigital("Hemoglobin 13.2 g/dL", "Glucose 5.4 mmol/L");
        List<Page> pages = reader.read(pdf, "application/pdf", ocr);
        assertThat(pages).hasSize(1);
        Page page = pages.get(0);
        assertThat(page.source()).isEqualTo(Page.Source.PDF_TEXT);
        assertThat(page.dpi()).isEqualTo(300);
        assertThat(page.width()).isEqualTo(Math.round(PDRectangle.A4.getWidth() * 300 / 72));
        assertThat(page.words())
                .extracting(OcrWord::text)
                .containsExactly("Hemoglobin", "13.2", "g/dL", "Glucose", "5.4", "mmol/L");
        OcrWord first = page.words().get(0);
        // The box is the ink: compare with Java2D's visual bounds of the same text in the same
        // font at 12 pt = 50 px, drawn with its baseline at (300, 416.7) px.
        java.awt.geom.Rectangle2D ink =
                java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, FONT)
                        .deriveFont(50f)
                        .createGlyphVector(
                                new java.awt.font.FontRenderContext(null, true, true), "Hemoglobin")
                        .getVisualBounds();
        double baseline = 100 * 300 / 72.0;
        assertThat((double) first.x()).isCloseTo(300 + ink.getX(), offset(2.0));
        assertThat((double) first.y()).isCloseTo(baseline + ink.getY(), offset(2.0));
        assertThat((double) first.width()).isCloseTo(ink.getWidth(), offset(3.0));
        assertThat((double) first.height()).isCloseTo(ink.getHeight(), offset(3.0));
        OcrWord glucose = page.words().get(3);
        assertThat(glucose.y() - first.y()).isCloseTo((int) Math.round(20 * 300 / 72.0), offset(2));
        assertThat(first.confidence()).isEqualTo(1f);
    }

    @Test
    void textLayerBoxesMatchTesseractOnTheRenderedPage() throws Exception {
        byte[] pdf = bornDigital("Hemoglobin 13.2 g/dL");
        Page text = reader.read(pdf, "application/pdf", ocr).get(0);
        List<OcrWord> ocrWords;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            BufferedImage rendered =
                    new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 300);
            ocrWords = ocr.read(rendered, 300);
        }
        assertThat(ocrWords).hasSameSizeAs(text.words());
        for (int i = 0; i < ocrWords.size(); i++) {
            assertThat(ocrWords.get(i).text()).isEqualTo(text.words().get(i).text());
            assertThat(ocrWords.get(i).iou(text.words().get(i))).isGreaterThan(0.9);
        }
    }

    @Test
    void aRotatedPageKeepsItsWordsInTheTextFrame() throws Exception {
        Page upright = reader.read(bornDigital(0, "Hemoglobin 13.2 g/dL"), null, ocr).get(0);
        Page rotated = reader.read(bornDigital(90, "Hemoglobin 13.2 g/dL"), null, ocr).get(0);
        assertThat(rotated.words()).isEqualTo(upright.words());
        assertThat(rotated.width()).isEqualTo(upright.width());
        assertThat(rotated.height()).isEqualTo(upright.height());
        // The rendered page (turned 90 clockwise by /Rotate) turned 270 more gives this frame.
        assertThat(rotated.rotation()).isEqualTo(270);
        assertThat(upright.rotation()).isZero();
    }

    @Test
    void expandsLigatures() throws Exception {
        byte[] pdf = bornDigital("Specimen: \uFB01ltered serum, \uFB02ow cytometry");
        Page page = reader.read(pdf, "application/pdf", ocr).get(0);
        assertThat(page.words()).extracting(OcrWord::text).contains("filtered", "flow");
    }

    @Test
    void ocrsAScannedPdfPageRenderedAt300Dpi() throws Exception {
        List<OcrWord> truth = new ArrayList<>();
        BufferedImage scan = TestPages.labPage(200, truth);
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(
                        image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        Page page = reader.read(pdf, "application/pdf", ocr).get(0);
        assertThat(page.source()).isEqualTo(Page.Source.OCR);
        assertThat(page.dpi()).isEqualTo(300);
        // The 200 dpi scan fills the page, so truth scales by 300/200 into the render's pixels.
        List<OcrWord> scaled =
                TestPages.transform(
                        truth, java.awt.geom.AffineTransform.getScaleInstance(1.5, 1.5));
        assertThat(TestPages.matched(scaled, page.words()))
                .isGreaterThanOrEqualTo(truth.size() - 3);
    }
}
