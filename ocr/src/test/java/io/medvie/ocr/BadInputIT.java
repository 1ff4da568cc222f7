package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 5's acceptance 5: each bad file gives a typed error naming the problem, quickly. */
class BadInputIT {
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
    void emptyFile() {
        assertThatThrownBy(() -> reader.read(new byte[0], "application/pdf", ocr))
                .isInstanceOf(EmptyInputException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void corruptPdf() throws Exception {
        byte[] pdf = PdfPagesIT.bornDigital("Hemoglobin 13.2");
        byte[] broken = Arrays.copyOf(pdf, 40);
        assertThatThrownBy(() -> reader.read(broken, "application/pdf", ocr))
                .isInstanceOf(CorruptInputException.class)
                .hasMessageContaining("PDF");
    }

    @Test
    void garbageDeclaredAsPdf() {
        byte[] garbage = "this is not a pdf at all".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(garbage, "application/pdf", ocr))
                .isInstanceOf(CorruptInputException.class)
                .hasMessageContaining("application/pdf");
    }

    @Test
    void unknownType() {
        byte[] text = "name,value\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(text, "text/csv", ocr))
                .isInstanceOf(UnsupportedMediaTypeException.class)
                .hasMessageContaining("text/csv");
    }

    @Test
    void encryptedPdf() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy(
                            "owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertThatThrownBy(() -> reader.read(pdf, "application/pdf", ocr))
                .isInstanceOf(EncryptedInputException.class)
                .hasMessageContaining("password");
    }

    @Test
    void truncatedPng() {
        byte[] png = TestPages.encode(TestPages.labPage(100), "png");
        byte[] broken = Arrays.copyOf(png, png.length / 3);
        assertThatThrownBy(() -> reader.read(broken, "image/png", ocr))
                .isInstanceOf(CorruptInputException.class)
                .hasMessageContaining("PNG");
    }

    @Test
    void onePixelImage() {
        BufferedImage dot = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> reader.read(TestPages.encode(dot, "png"), "image/png", ocr))
                .isInstanceOf(ImageTooSmallException.class)
                .hasMessageContaining("1x1");
    }

    @Test
    void hugePngIsRefusedFromItsHeaderInBoundedTimeAndMemory() throws Exception {
        byte[] png = pngHeaderOnly(20_000, 20_000);
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        assertThatThrownBy(() -> reader.read(png, "image/png", ocr))
                .isInstanceOfSatisfying(
                        LimitExceededException.class,
                        e -> {
                            assertThat(e.limit()).isEqualTo("maxPixels");
                            assertThat(e.actual()).isEqualTo(400_000_000L);
                        })
                .hasMessageContaining("20000x20000");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        // Decoding would need 400 MB at least; refusing from the header needs next to nothing.
        assertThat(usedHeap() - heapBefore).isLessThan(64L << 20);
    }

    @Test
    void tooManyPages() throws Exception {
        PageReader strict =
                new PageReader(new ReadLimits(1 << 20, 1, 40_000_000L, 16), ReadOptions.DEFAULT);
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertThatThrownBy(() -> strict.read(pdf, "application/pdf", ocr))
                .isInstanceOfSatisfying(
                        LimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo("maxPages"));
    }

    @Test
    void pdfWhosePageTreeLoopsIsCorruptNotAnUncheckedException() {
        // PDFBox throws IllegalStateException ("possible recursion") when it walks this tree; it
        // used to escape, and the extractor retried the batch holding it forever.
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 4\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        byte[] bytes = pdf.toString().getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(bytes, "application/pdf", ocr))
                .isInstanceOf(CorruptInputException.class)
                .hasMessageContaining("PDF");
    }

    @Test
    void blankPageHasNoText() {
        BufferedImage blank = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        blank.getGraphics().fillRect(0, 0, 1240, 1754);
        assertThatThrownBy(() -> reader.read(TestPages.encode(blank, "png"), "image/png", ocr))
                .isInstanceOf(NoTextException.class)
                .hasMessageContaining("1 page");
    }

    @Test
    void pdfWithNoPagesIsEmpty() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertThatThrownBy(() -> reader.read(pdf, "application/pdf", ocr))
                .isInstanceOf(PageReadException.class)
                .isInstanceOfAny(EmptyInputException.class, CorruptInputException.class);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A PNG whose header claims the given size, followed by a tiny (incomplete) image stream. */
    static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.writeByte(8); // bit depth
        header.writeByte(0); // grey
        header.writeByte(0);
        header.writeByte(0);
        header.writeByte(0);
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00});
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
