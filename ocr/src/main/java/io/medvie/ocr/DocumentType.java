package io.medvie.ocr;

import java.util.Locale;
import java.util.Optional;

/** The document formats {@link PageReader} reads, recognised by signature or media type. */
public enum DocumentType {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    TIFF("image/tiff");

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type named by a media type such as {@code image/png; charset=...}, if supported. */
    public static Optional<DocumentType> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (base) {
            case "application/pdf", "application/x-pdf" -> Optional.of(PDF);
            case "image/png" -> Optional.of(PNG);
            case "image/jpeg", "image/jpg", "image/pjpeg" -> Optional.of(JPEG);
            case "image/tiff", "image/tif" -> Optional.of(TIFF);
            default -> Optional.empty();
        };
    }

    /** The type the file's first bytes announce, if one we read. */
    public static Optional<DocumentType> sniff(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0xff, 0xd8, 0xff)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        // A PDF header may follow some junk bytes; readers accept it within the first 1024.
        int limit = Math.min(bytes.length - 4, 1024);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == '%'
                    && bytes[i + 1] == 'P'
                    && bytes[i + 2] == 'D'
                    && bytes[i + 3] == 'F') {
                return Optional.of(PDF);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
