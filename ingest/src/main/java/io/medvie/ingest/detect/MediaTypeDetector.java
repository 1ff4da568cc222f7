package io.medvie.ingest.detect;

import java.util.Arrays;

/**
 * Tells the type of a report by its magic bytes, never by its name, and refuses truncated files by
 * checking the end marker each format requires.
 */
public final class MediaTypeDetector {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String TIFF = "image/tiff";

    /** How many leading bytes {@link #detect} needs. */
    public static final int HEAD_BYTES = 16;

    /** How many trailing bytes {@link #detect} needs. */
    public static final int TAIL_BYTES = 1024;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_IEND = {
        0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82
    };
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] JPEG_EOI = {(byte) 0xff, (byte) 0xd9};
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
    private static final byte[] PDF_EOF = {'%', '%', 'E', 'O', 'F'};

    private MediaTypeDetector() {}

    /**
     * Detects the media type.
     *
     * @param head the first bytes (up to {@link #HEAD_BYTES})
     * @param tail the last bytes (up to {@link #TAIL_BYTES})
     * @param size the total size
     * @return the media type
     * @throws RejectedInputException when empty, of an unsupported type, or truncated
     */
    public static String detect(byte[] head, byte[] tail, long size) throws RejectedInputException {
        if (size == 0) {
            throw RejectedInputException.empty();
        }
        if (startsWith(head, PDF_MAGIC)) {
            // Writers may append a newline or an incremental update after the last %%EOF.
            requireEnd(indexOf(tail, PDF_EOF) >= 0, "PDF", "it has no %%EOF marker near its end");
            return PDF;
        }
        if (startsWith(head, PNG_MAGIC)) {
            requireEnd(endsWith(tail, PNG_IEND), "PNG", "it does not end with an IEND chunk");
            return PNG;
        }
        if (startsWith(head, JPEG_MAGIC)) {
            // Some cameras pad after the end-of-image marker; look for it in the last bytes.
            requireEnd(lastIndexOf(tail, JPEG_EOI) >= 0, "JPEG", "it has no end-of-image marker");
            return JPEG;
        }
        if (startsWith(head, TIFF_LE) || startsWith(head, TIFF_BE)) {
            long firstIfd = tiffFirstIfdOffset(head);
            requireEnd(
                    firstIfd >= 8 && firstIfd + 2 <= size,
                    "TIFF",
                    "its first image directory lies outside the file");
            return TIFF;
        }
        throw new RejectedInputException(
                415,
                "unsupported_type",
                "the content is not a PDF, PNG, JPEG or TIFF (judged by its first bytes, not its"
                        + " name)");
    }

    private static void requireEnd(boolean ok, String type, String why)
            throws RejectedInputException {
        if (!ok) {
            throw new RejectedInputException(
                    422, "truncated", "the " + type + " looks truncated: " + why);
        }
    }

    private static long tiffFirstIfdOffset(byte[] head) {
        if (head.length < 8) {
            return -1;
        }
        boolean little = head[0] == 'I';
        long b4 = head[4] & 0xff;
        long b5 = head[5] & 0xff;
        long b6 = head[6] & 0xff;
        long b7 = head[7] & 0xff;
        return little
                ? b4 | (b5 << 8) | (b6 << 16) | (b7 << 24)
                : (b4 << 24) | (b5 << 16) | (b6 << 8) | b7;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
                && Arrays.equals(
                        bytes,
                        bytes.length - suffix.length,
                        bytes.length,
                        suffix,
                        0,
                        suffix.length);
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] needle) {
        for (int i = bytes.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
