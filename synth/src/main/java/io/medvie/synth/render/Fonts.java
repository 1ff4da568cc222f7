package io.medvie.synth.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The shipped TTF fonts, loaded once from the class path. Never system fonts: they differ between
 * machines and would break same-seed-same-bytes.
 */
public final class Fonts {

    private static final String DIR = "/io/medvie/synth/fonts/";

    private final Map<FontFace, byte[]> bytes = new EnumMap<>(FontFace.class);
    private final Map<FontFace, byte[]> pdfBytes = new EnumMap<>(FontFace.class);
    private final Map<FontFace, Font> fonts = new EnumMap<>(FontFace.class);

    private Fonts() {
        for (FontFace face : FontFace.values()) {
            try (InputStream in = Fonts.class.getResourceAsStream(DIR + face.file())) {
                if (in == null) {
                    throw new IllegalStateException("font resource missing: " + DIR + face.file());
                }
                byte[] data = in.readAllBytes();
                bytes.put(face, data);
                pdfBytes.put(face, withoutGsub(data));
                fonts.put(
                        face, Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(data)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + face.file(), e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("bad font " + face.file(), e);
            }
        }
    }

    private static final class Holder {
        // Immutable after construction; shared by all worker threads.
        private static final Fonts INSTANCE = new Fonts();
    }

    public static Fonts get() {
        return Holder.INSTANCE;
    }

    /** The 1-point font; derive sizes from it. */
    public Font awt(FontFace face) {
        return fonts.get(face);
    }

    /** The TTF file's bytes. */
    public byte[] ttf(FontFace face) {
        return bytes.get(face);
    }

    /**
     * The TTF bytes for PDFBox, with the GSUB table hidden. PDFBox 3 applies GSUB ligatures ("ti",
     * "fi" in Carlito) when it writes text and gives the ligature glyphs no Unicode mapping, so the
     * PDF's text would no longer extract as the words drawn; Java2D draws no ligatures either, so
     * hiding the table keeps PDF and images alike.
     */
    public byte[] ttfForPdf(FontFace face) {
        return pdfBytes.get(face);
    }

    static byte[] withoutGsub(byte[] ttf) {
        byte[] out = ttf.clone();
        int tables = ((out[4] & 0xff) << 8) | (out[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (out[at] == 'G' && out[at + 1] == 'S' && out[at + 2] == 'U' && out[at + 3] == 'B') {
                // An unknown tag is ignored by the parser and dropped by the subsetter.
                out[at] = 'X';
            }
        }
        return out;
    }
}
