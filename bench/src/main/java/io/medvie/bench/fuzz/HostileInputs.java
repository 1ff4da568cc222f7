package io.medvie.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Hostile uploads for ingest's {@code POST /v1/reports}, deterministic by seed: case {@code i} of
 * seed {@code s} is always the same request. Valid reports (from the synth module, see {@link
 * Seeds}) are the material that truncations and mutations start from.
 *
 * <p>Each case is an HTTP request body with its content type, plus a label of what it is. Nothing
 * here says what ingest should answer: the invariant (a 4xx with a JSON reason, or 202 and then
 * exactly one extraction event or dead letter) is the same for all, and checked by {@link FuzzRun}.
 */
public final class HostileInputs {

    /** What a case is made of; its name is the first part of {@link Case#label()}. */
    public enum Kind {
        RANDOM_BYTES,
        MAGIC_RANDOM,
        TRUNCATED_PDF,
        MALFORMED_PDF,
        CRAFTED_PDF,
        IMAGE_BOMB,
        TRUNCATED_IMAGE,
        MUTATED_IMAGE,
        MULTIPART,
        WRONG_CONTENT_TYPE,
        OVERSIZE,
        EMPTY,
        VALID
    }

    /**
     * How often each family comes, and how often a cut or random file is given the end its format
     * needs (so that it gets past ingest's truncation check to the extractor).
     */
    public enum Mix {
        /** Every family often: about a third of the cases reach the extractor. */
        FULL(new int[] {12, 12, 10, 10, 6, 9, 8, 2, 16, 6, 2, 1, 1}, 0.25),
        /**
         * Mostly what ingest must refuse, where refusing is cheap; a few percent (the crafted and
         * malformed PDFs, the image bombs, valid reports) reach the extractor.
         */
        EDGE(new int[] {20, 15, 14, 2, 2, 2, 12, 0, 22, 8, 1, 1, 1}, 0.05);

        private final int[] weights;
        private final double endShare;

        Mix(int[] weights, double endShare) {
            if (weights.length != Kind.values().length) {
                throw new IllegalArgumentException("one weight per kind");
            }
            this.weights = weights;
            this.endShare = endShare;
        }

        int weight(Kind kind) {
            return weights[kind.ordinal()];
        }
    }

    /**
     * One request.
     *
     * @param index position in the run
     * @param kind the family
     * @param label family and variant, e.g. {@code IMAGE_BOMB/png-100000x100000}
     * @param contentType the Content-Type header to send, or null for none
     * @param body the request body
     * @param chunked send without Content-Length (chunked), so the server cannot refuse it early
     * @param canary a unique text the case carries in names or fields, which must never appear in a
     *     log; null when the case carries none
     */
    public record Case(
            int index,
            Kind kind,
            String label,
            String contentType,
            byte[] body,
            boolean chunked,
            String canary) {}

    /** Valid reports to start from: a born-digital PDF, a clean PNG and a scanned JPEG page. */
    public record Seeds(byte[] pdf, byte[] png, byte[] jpeg, byte[] tiff, List<byte[]> valid) {}

    private static final byte[] PDF_MAGIC = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
    private static final byte[] PDF_EOF = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG_EOI = {(byte) 0xff, (byte) 0xd9};

    private final long seed;
    private final long maxBytes;
    private final Seeds seeds;
    private final Mix mix;
    private final int totalWeight;
    private final java.util.Map<Integer, byte[]> bombStreams = new java.util.HashMap<>();

    /**
     * @param seed run seed
     * @param maxBytes ingest's upload limit; oversize cases are a little above it
     * @param seeds valid reports
     * @param mix how often each family comes
     */
    public HostileInputs(long seed, long maxBytes, Seeds seeds, Mix mix) {
        this.seed = seed;
        this.maxBytes = maxBytes;
        this.seeds = seeds;
        this.mix = mix;
        int sum = 0;
        for (Kind k : Kind.values()) {
            sum += mix.weight(k);
        }
        this.totalWeight = sum;
    }

    /** The first {@code n} cases. */
    public List<Case> cases(int n) {
        List<Case> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(get(i));
        }
        return out;
    }

    /** Case {@code index}: the same for the same seed, whatever was generated before. */
    public Case get(int index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Kind kind = pick(rng);
        return switch (kind) {
            case RANDOM_BYTES -> randomBytes(index, rng);
            case MAGIC_RANDOM -> magicRandom(index, rng);
            case TRUNCATED_PDF -> truncatedPdf(index, rng);
            case MALFORMED_PDF -> malformedPdf(index, rng);
            case CRAFTED_PDF -> craftedPdf(index, rng);
            case IMAGE_BOMB -> imageBomb(index, rng);
            case TRUNCATED_IMAGE -> truncatedImage(index, rng);
            case MUTATED_IMAGE -> mutatedImage(index, rng);
            case MULTIPART -> multipart(index, rng);
            case WRONG_CONTENT_TYPE -> wrongContentType(index, rng);
            case OVERSIZE -> oversize(index, rng);
            case EMPTY -> raw(index, Kind.EMPTY, "empty", new byte[0]);
            case VALID -> valid(index, rng);
        };
    }

    private Kind pick(SplittableRandom rng) {
        int r = rng.nextInt(totalWeight);
        for (Kind k : Kind.values()) {
            r -= mix.weight(k);
            if (r < 0) {
                return k;
            }
        }
        throw new AssertionError();
    }

    private static Case raw(int index, Kind kind, String variant, byte[] body) {
        return new Case(
                index, kind, kind + "/" + variant, "application/octet-stream", body, false, null);
    }

    // ---- random bytes ----------------------------------------------------------------------

    private static Case randomBytes(int index, SplittableRandom rng) {
        int size =
                switch (rng.nextInt(3)) {
                    case 0 -> 1 + rng.nextInt(16);
                    case 1 -> 17 + rng.nextInt(4096);
                    default -> 4096 + rng.nextInt(64 * 1024);
                };
        return raw(index, Kind.RANDOM_BYTES, "len-" + bucket(size), random(rng, size));
    }

    private Case magicRandom(int index, SplittableRandom rng) {
        String[] types = {"pdf", "png", "jpeg", "tiff-le", "tiff-be"};
        String type = types[rng.nextInt(types.length)];
        byte[] magic =
                switch (type) {
                    case "pdf" -> PDF_MAGIC;
                    case "png" -> PNG_MAGIC;
                    case "jpeg" -> JPEG_MAGIC;
                    case "tiff-le" -> TIFF_LE;
                    default -> TIFF_BE;
                };
        byte[] body = concat(magic, random(rng, 8 + rng.nextInt(8192)));
        // Only some end the way the format must, and so get past ingest's truncation check.
        boolean ended = rng.nextDouble() < mix.endShare;
        if (ended) {
            switch (type) {
                case "pdf" -> body = concat(body, PDF_EOF);
                case "png" -> body = concat(body, pngChunk("IEND", new byte[0]));
                case "jpeg" -> body = concat(body, JPEG_EOI);
                default -> {
                    // A first-IFD offset inside the file.
                    if (type.equals("tiff-le")) {
                        body[4] = 8;
                        body[5] = body[6] = body[7] = 0;
                    } else {
                        body[4] = body[5] = body[6] = 0;
                        body[7] = 8;
                    }
                }
            }
        }
        return raw(index, Kind.MAGIC_RANDOM, type + (ended ? "-ended" : "-open"), body);
    }

    // ---- PDFs ------------------------------------------------------------------------------

    private Case truncatedPdf(int index, SplittableRandom rng) {
        byte[] pdf = seeds.pdf();
        int cut = 1 + rng.nextInt(pdf.length - 1);
        byte[] body = Arrays.copyOf(pdf, cut);
        boolean reEnded = rng.nextDouble() < mix.endShare;
        if (reEnded) {
            // What a careless writer or a hostile client does: the end marker is there, the rest
            // of the file is not.
            body = concat(body, PDF_EOF);
        }
        return raw(index, Kind.TRUNCATED_PDF, "cut-" + bucket(cut) + (reEnded ? "+eof" : ""), body);
    }

    private Case malformedPdf(int index, SplittableRandom rng) {
        String pdf = latin1(seeds.pdf());
        String variant;
        String out;
        switch (rng.nextInt(8)) {
            case 0 -> {
                variant = "startxref-wrong";
                int at = pdf.lastIndexOf("startxref");
                out =
                        at < 0
                                ? pdf
                                : pdf.substring(0, at)
                                        + "startxref\n"
                                        + rng.nextInt(Integer.MAX_VALUE)
                                        + "\n%%EOF\n";
            }
            case 1 -> {
                variant = "xref-removed";
                int from = pdf.lastIndexOf("xref");
                int to = pdf.lastIndexOf("trailer");
                out = from < 0 || to < from ? pdf : pdf.substring(0, from) + pdf.substring(to);
            }
            case 2 -> {
                variant = "obj-keywords-garbled";
                out = pdf.replace(" obj", " obx").replace("endobj", "endoby");
            }
            case 3 -> {
                variant = "count-huge";
                out = pdf.replaceAll("/Count \\d+", "/Count 2147483647");
            }
            case 4 -> {
                variant = "count-negative";
                out = pdf.replaceAll("/Count \\d+", "/Count -7");
            }
            case 5 -> {
                variant = "mediabox-absurd";
                String[] boxes = {
                    "[0 0 1e9 1e9]", "[0 0 -595 -842]", "[0 0 0 0]", "[0 0 NaN 842]", "[0 0 595]"
                };
                out =
                        pdf.replaceAll(
                                "/MediaBox\\s*\\[[^\\]]*\\]",
                                "/MediaBox " + boxes[rng.nextInt(boxes.length)]);
            }
            case 6 -> {
                variant = "length-wrong";
                out = pdf.replaceAll("/Length \\d+", "/Length " + rng.nextInt(1 << 20));
            }
            default -> {
                variant = "bytes-overwritten";
                byte[] b = seeds.pdf().clone();
                int runs = 1 + rng.nextInt(8);
                for (int r = 0; r < runs; r++) {
                    int at = rng.nextInt(b.length);
                    int len = Math.min(b.length - at, 1 + rng.nextInt(256));
                    for (int k = 0; k < len; k++) {
                        b[at + k] = (byte) rng.nextInt(256);
                    }
                }
                // Keep the end marker so the file gets past ingest to the extractor.
                return raw(index, Kind.MALFORMED_PDF, variant, concat(b, PDF_EOF));
            }
        }
        return raw(index, Kind.MALFORMED_PDF, variant, out.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** PDFs written by hand to hit one limit each. */
    private Case craftedPdf(int index, SplittableRandom rng) {
        String text = "BT /F1 12 Tf 72 720 Td (Hemoglobin 13.2 g/dL) Tj ET";
        return switch (rng.nextInt(7)) {
            case 0 -> raw(index, Kind.CRAFTED_PDF, "pages-500", manyPages(500, rng.nextInt(1000)));
            case 1 ->
                    raw(
                            index,
                            Kind.CRAFTED_PDF,
                            "mediabox-14400-text",
                            onePage("[0 0 14400 14400]", text, "", rng.nextInt(1000)));
            case 2 ->
                    raw(
                            index,
                            Kind.CRAFTED_PDF,
                            "mediabox-huge-no-text",
                            onePage("[0 0 1000000 1000000]", "", "", rng.nextInt(1000)));
            case 3 ->
                    raw(
                            index,
                            Kind.CRAFTED_PDF,
                            "image-xobject-100000x100000",
                            imagePage(100_000, 100_000, false, rng.nextInt(1000)));
            case 4 ->
                    raw(
                            index,
                            Kind.CRAFTED_PDF,
                            "image-in-form-60000x60000",
                            imagePage(60_000, 60_000, true, rng.nextInt(1000)));
            case 5 ->
                    raw(index, Kind.CRAFTED_PDF, "inline-image-80000x80000", inlineImagePage(rng));
            default -> raw(index, Kind.CRAFTED_PDF, "pages-kids-loop", kidsLoop(rng.nextInt(1000)));
        };
    }

    private static byte[] onePage(String mediaBox, String content, String resources, int salt) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add(
                "<< /Type /Page /Parent 2 0 R /MediaBox "
                        + mediaBox
                        + " /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> "
                        + resources
                        + " >> >>");
        objects.add(stream("", content + "\n% " + salt));
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return pdf(objects);
    }

    private static byte[] manyPages(int pages, int salt) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(i + 4).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        objects.add(stream("", "BT ET % " + salt));
        for (int i = 0; i < pages; i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>");
        }
        return pdf(objects);
    }

    private static byte[] kidsLoop(int salt) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        // The page tree points back at itself.
        objects.add("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>");
        objects.add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>");
        objects.add(stream("", "% " + salt));
        return pdf(objects);
    }

    /** A page that draws one image declaring a huge size, directly or through a form XObject. */
    private static byte[] imagePage(int width, int height, boolean inForm, int salt) {
        String tinyFlate = latin1(deflate(new byte[64]));
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        String xobject = inForm ? "/Fm1 6 0 R" : "/Im1 5 0 R";
        objects.add(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /XObject << "
                        + xobject
                        + " >> >> >>");
        objects.add(stream("", "q 595 0 0 842 0 0 cm " + (inForm ? "/Fm1" : "/Im1") + " Do Q"));
        objects.add(
                stream(
                        "/Type /XObject /Subtype /Image /Width "
                                + width
                                + " /Height "
                                + height
                                + " /ColorSpace /DeviceGray /BitsPerComponent 8"
                                + " /Filter /FlateDecode",
                        tinyFlate));
        objects.add(
                stream(
                        "/Type /XObject /Subtype /Form /BBox [0 0 1 1]"
                                + " /Resources << /XObject << /Im1 5 0 R >> >>",
                        "/Im1 Do % " + salt));
        return pdf(objects);
    }

    private static byte[] inlineImagePage(SplittableRandom rng) {
        String content =
                "q 595 0 0 842 0 0 cm BI /W 80000 /H 80000 /BPC 8 /CS /G /F /Fl ID "
                        + latin1(deflate(new byte[32]))
                        + " EI Q % "
                        + rng.nextInt(1000);
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
        objects.add(stream("", content));
        return pdf(objects);
    }

    private static String stream(String dict, String data) {
        return "<< " + dict + " /Length " + data.length() + " >>\nstream\n" + data + "\nendstream";
    }

    /** A PDF with the given objects numbered from 1, a correct xref table and trailer. */
    private static byte[] pdf(List<String> objects) {
        StringBuilder out = new StringBuilder("%PDF-1.7\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.length();
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (long offset : offsets) {
            out.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        out.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- images ----------------------------------------------------------------------------

    private Case imageBomb(int index, SplittableRandom rng) {
        int[][] sizes = {
            {100_000, 100_000}, {65_535, 65_535}, {1, Integer.MAX_VALUE}, {0, 0}, {30_000, 30_000}
        };
        int[] s = sizes[rng.nextInt(sizes.length)];
        String dims = s[0] + "x" + s[1];
        return switch (rng.nextInt(6)) {
            case 0, 1 -> raw(index, Kind.IMAGE_BOMB, "png-" + dims, pngBomb(s[0], s[1], rng));
            case 2 ->
                    raw(
                            index,
                            Kind.IMAGE_BOMB,
                            "jpeg-" + Math.min(s[0], 65_535) + "x" + Math.min(s[1], 65_535),
                            jpegBomb(Math.min(s[0], 65_535), Math.min(s[1], 65_535), rng));
            case 3 ->
                    raw(
                            index,
                            Kind.IMAGE_BOMB,
                            "tiff-" + dims,
                            tiffBomb(s[0], s[1], false, rng.nextBoolean(), rng));
            case 4 ->
                    raw(
                            index,
                            Kind.IMAGE_BOMB,
                            "tiff-ifd-loop",
                            tiffBomb(2000, 2000, true, rng.nextBoolean(), rng));
            default -> {
                // Over the pixel limit (refused from the header), or under it (decoded: 36 MB).
                int side = rng.nextInt(4) == 0 ? 6_000 : 12_000;
                yield raw(
                        index,
                        Kind.IMAGE_BOMB,
                        "png-zlib-bomb-" + side + "x" + side,
                        zlibBombPng(side, side, rng));
            }
        };
    }

    /** A PNG header claiming the size, with a tiny (incomplete) image stream and an IEND. */
    static byte[] pngBomb(int width, int height, SplittableRandom rng) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0);
        ihdr.put((byte) 0).put((byte) 0);
        return concat(
                PNG_MAGIC,
                pngChunk("IHDR", ihdr.array()),
                pngChunk("tEXt", ("k\0" + rng.nextInt()).getBytes(StandardCharsets.ISO_8859_1)),
                pngChunk("IDAT", deflate(new byte[1 + rng.nextInt(64)])),
                pngChunk("IEND", new byte[0]));
    }

    /** A real decompression bomb: a complete PNG whose few hundred kB inflate to every pixel. */
    private synchronized byte[] zlibBombPng(int width, int height, SplittableRandom rng) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0);
        ihdr.put((byte) 0).put((byte) 0);
        // Deflating every row takes a second: the stream is made once per size.
        byte[] stream = bombStreams.computeIfAbsent(width, w -> blackRows(w, height));
        return concat(
                PNG_MAGIC,
                pngChunk("IHDR", ihdr.array()),
                pngChunk("tEXt", ("k\0" + rng.nextInt()).getBytes(StandardCharsets.ISO_8859_1)),
                pngChunk("IDAT", stream),
                pngChunk("IEND", new byte[0]));
    }

    private static byte[] blackRows(int width, int height) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[width + 1]; // filter byte 0, then black pixels
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return idat.toByteArray();
    }

    private static byte[] jpegBomb(int width, int height, SplittableRandom rng) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd8});
        // APP0 JFIF
        out.writeBytes(
                new byte[] {
                    (byte) 0xff,
                    (byte) 0xe0,
                    0,
                    16,
                    'J',
                    'F',
                    'I',
                    'F',
                    0,
                    1,
                    1,
                    0,
                    0,
                    1,
                    0,
                    1,
                    0,
                    0
                });
        // SOF0: 8 bit, height, width, 1 component
        out.writeBytes(
                new byte[] {
                    (byte) 0xff,
                    (byte) 0xc0,
                    0,
                    11,
                    8,
                    (byte) (height >> 8),
                    (byte) height,
                    (byte) (width >> 8),
                    (byte) width,
                    1,
                    1,
                    0x11,
                    0
                });
        out.writeBytes(random(rng, 16 + rng.nextInt(512)));
        out.writeBytes(JPEG_EOI);
        return out.toByteArray();
    }

    /** A TIFF whose only IFD claims the size; with {@code loop}, the IFD names itself as next. */
    private static byte[] tiffBomb(
            int width, int height, boolean loop, boolean bigEndian, SplittableRandom rng) {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int entries = 8;
        int ifdSize = 2 + entries * 12 + 4;
        int dataAt = 8 + ifdSize;
        byte[] data = random(rng, 64);
        ByteBuffer b = ByteBuffer.allocate(dataAt + data.length).order(order);
        b.put(bigEndian ? TIFF_BE : TIFF_LE).putInt(8);
        b.putShort((short) entries);
        entry(b, 256, 4, width); // ImageWidth
        entry(b, 257, 4, height); // ImageLength
        entry(b, 258, 3, 8); // BitsPerSample
        entry(b, 259, 3, 1); // Compression none
        entry(b, 262, 3, 1); // BlackIsZero
        entry(b, 273, 4, dataAt); // StripOffsets
        entry(b, 278, 4, height); // RowsPerStrip
        entry(b, 279, 4, data.length); // StripByteCounts
        b.putInt(loop ? 8 : 0);
        b.put(data);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    private Case truncatedImage(int index, SplittableRandom rng) {
        int which = rng.nextInt(3);
        byte[] image = which == 0 ? seeds.png() : which == 1 ? seeds.jpeg() : seeds.tiff();
        String type = which == 0 ? "png" : which == 1 ? "jpeg" : "tiff";
        int cut = 1 + rng.nextInt(image.length - 1);
        byte[] body = Arrays.copyOf(image, cut);
        boolean reEnded = which < 2 && rng.nextDouble() < mix.endShare;
        if (reEnded) {
            body = concat(body, which == 0 ? pngChunk("IEND", new byte[0]) : JPEG_EOI);
        }
        return raw(
                index,
                Kind.TRUNCATED_IMAGE,
                type + "-cut-" + bucket(cut) + (reEnded ? "+end" : ""),
                body);
    }

    /** A valid image with a few bytes flipped in its middle: its ends stay intact. */
    private Case mutatedImage(int index, SplittableRandom rng) {
        boolean png = rng.nextBoolean();
        byte[] body = (png ? seeds.png() : seeds.jpeg()).clone();
        int flips = 1 + rng.nextInt(16);
        for (int i = 0; i < flips; i++) {
            int at = 16 + rng.nextInt(body.length - 1040);
            body[at] ^= (byte) (1 << rng.nextInt(8));
        }
        return raw(index, Kind.MUTATED_IMAGE, (png ? "png" : "jpeg") + "-flips-" + flips, body);
    }

    // ---- HTTP bodies -----------------------------------------------------------------------

    private static final String[] UNICODE = {
        "Bericht-\u00fc\u00e4\u00f6\u00df",
        "\u62a5\u544a-\u8840\u6db2",
        "\u202e\u0645\u0631\u064a\u0636fdp.exe",
        "emoji-\ud83e\udda0\ud83e\uddea",
        "zero\u200bwidth\u200d",
        "lone-surrogate-\ud800",
        "..\\..\\..\\etc\\passwd",
        "a\"; name=\"file"
    };

    private Case multipart(int index, SplittableRandom rng) {
        String canary = "CANARY" + Long.toHexString(seed) + "x" + index;
        String boundary = "----medvie" + Long.toHexString(rng.nextLong());
        byte[] payload = payload(rng);
        String unicode = UNICODE[rng.nextInt(UNICODE.length)];
        MultipartBody mp = new MultipartBody(boundary);
        String variant;
        String contentType = "multipart/form-data; boundary=" + boundary;
        switch (rng.nextInt(11)) {
            case 0 -> {
                variant = "unicode-filename";
                mp.file("file", unicode + "-" + canary + ".pdf", "application/pdf", payload);
            }
            case 1 -> {
                variant = "nul-in-names";
                mp.file("fi\0le", "a\0b-" + canary + ".png", "image/png", payload);
            }
            case 2 -> {
                variant = "huge-field";
                mp.field("note", canary + "-" + "\u00e9".repeat(64 * 1024 + rng.nextInt(4096)));
                mp.file("file", "r.pdf", "application/pdf", payload);
            }
            case 3 -> {
                variant = "huge-filename";
                mp.file(
                        "file",
                        canary + "x".repeat(32 * 1024 + rng.nextInt(32 * 1024)),
                        "image/jpeg",
                        payload);
            }
            case 4 -> {
                variant = "no-file-part";
                mp.field("patient", unicode + canary);
                mp.field("comment", "\0\0\0" + canary);
            }
            case 5 -> {
                variant = "many-parts";
                int parts = 200 + rng.nextInt(800);
                for (int i = 0; i < parts; i++) {
                    mp.field("f" + i, canary);
                }
                mp.file("file", "r.bin", "application/octet-stream", payload);
            }
            case 6 -> {
                variant = "wrong-part-type";
                mp.file("file", canary + ".txt", "text/html; charset=utf-16", payload);
            }
            case 7 -> {
                variant = "unterminated";
                mp.file("file", canary + ".pdf", "application/pdf", payload);
                return new Case(
                        index,
                        Kind.MULTIPART,
                        "MULTIPART/" + variant,
                        contentType,
                        mp.unterminated(),
                        false,
                        canary);
            }
            case 8 -> {
                variant = "boundary-mismatch";
                mp.file("file", canary + ".pdf", "application/pdf", payload);
                contentType = "multipart/form-data; boundary=not-the-one";
            }
            case 9 -> {
                variant = "no-boundary-param";
                mp.file("file", canary + ".pdf", "application/pdf", payload);
                contentType = "multipart/form-data";
            }
            default -> {
                variant = "garbage-headers";
                return new Case(
                        index,
                        Kind.MULTIPART,
                        "MULTIPART/" + variant,
                        contentType,
                        concat(
                                ("--" + boundary + "\r\nContent-Disposition: form-data; name=")
                                        .getBytes(StandardCharsets.UTF_8),
                                random(rng, 64 + rng.nextInt(1024)),
                                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)),
                        false,
                        canary);
            }
        }
        return new Case(
                index,
                Kind.MULTIPART,
                "MULTIPART/" + variant,
                contentType,
                mp.bytes(),
                false,
                canary);
    }

    /** What a multipart case uploads: mostly junk, sometimes a valid report. */
    private byte[] payload(SplittableRandom rng) {
        return switch (rng.nextInt(6)) {
            case 0 -> seeds.pdf();
            case 1 -> new byte[0];
            case 2 -> pngBomb(100_000, 100_000, rng);
            default -> random(rng, 1 + rng.nextInt(2048));
        };
    }

    private Case wrongContentType(int index, SplittableRandom rng) {
        String[] types = {
            "application/json",
            "text/plain; charset=utf-16",
            "multipart/form-data; boundary=",
            "multipart/mixed; boundary=x",
            "application/x-www-form-urlencoded",
            "image/png; name=\"=?utf-8?b?4pyTIMOgIGxhIG1vZGU=?=\"",
            null
        };
        String type = types[rng.nextInt(types.length)];
        byte[] body =
                switch (rng.nextInt(3)) {
                    case 0 -> seeds.pdf();
                    case 1 ->
                            ("{\"patient\":\"\\u0000\u00fc" + "\\ud800".repeat(100) + "\"}")
                                    .getBytes(StandardCharsets.UTF_8);
                    default -> random(rng, 1 + rng.nextInt(4096));
                };
        return new Case(
                index,
                Kind.WRONG_CONTENT_TYPE,
                "WRONG_CONTENT_TYPE/" + (type == null ? "none" : type.split("[;/]")[1].strip()),
                type,
                body,
                false,
                null);
    }

    private Case oversize(int index, SplittableRandom rng) {
        int over = 1 + rng.nextInt(64 * 1024);
        byte[] body = concat(PDF_MAGIC, new byte[(int) Math.min(maxBytes + over, 1L << 30)]);
        return switch (rng.nextInt(3)) {
            case 0 -> raw(index, Kind.OVERSIZE, "declared-length", body);
            case 1 ->
                    new Case(
                            index,
                            Kind.OVERSIZE,
                            "OVERSIZE/chunked",
                            "application/pdf",
                            body,
                            true,
                            null);
            default -> {
                String boundary = "----big" + Long.toHexString(rng.nextLong());
                MultipartBody mp = new MultipartBody(boundary);
                mp.file("file", "big.pdf", "application/pdf", body);
                yield new Case(
                        index,
                        Kind.OVERSIZE,
                        "OVERSIZE/multipart-chunked",
                        "multipart/form-data; boundary=" + boundary,
                        mp.bytes(),
                        true,
                        null);
            }
        };
    }

    private Case valid(int index, SplittableRandom rng) {
        List<byte[]> valid = seeds.valid();
        return raw(index, Kind.VALID, "report", valid.get(rng.nextInt(valid.size())));
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Builds a multipart/form-data body. */
    private static final class MultipartBody {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        MultipartBody(String boundary) {
            this.boundary = boundary;
        }

        void field(String name, String value) {
            head("Content-Disposition: form-data; name=\"" + name + "\"\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        void file(String name, String filename, String type, byte[] content) {
            head(
                    "Content-Disposition: form-data; name=\""
                            + name
                            + "\"; filename=\""
                            + filename
                            + "\"\r\nContent-Type: "
                            + type
                            + "\r\n");
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        private void head(String headers) {
            out.writeBytes(
                    ("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return copy.toByteArray();
        }

        byte[] unterminated() {
            return out.toByteArray();
        }
    }

    static byte[] pngChunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(name)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] random(SplittableRandom rng, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) rng.nextInt(256);
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A size rounded down to a power of two, so labels group cases. */
    private static String bucket(int size) {
        return size == 0 ? "0" : Integer.toString(Integer.highestOneBit(size));
    }
}
