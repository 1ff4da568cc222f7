package io.medvie.ocr;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Words with positions from the text layer of a born-digital PDF page.
 *
 * <p>Coordinates are pixels at the requested dpi ({@code points * dpi / 72}) with the origin at the
 * top-left of the page's crop box, so they match the page rendered by {@code PDFRenderer} at the
 * same dpi. A word's box spans its glyph advances horizontally and, vertically, from the font's cap
 * height (or ascent) above the baseline to its descent below: close to the ink box Tesseract
 * reports for the same word. Ligatures (U+FB00..U+FB06) are expanded by PDFBox's word
 * normalization, so "ﬁ" reads as "fi".
 */
public final class PdfTextReader {

    /** Reads the words of one page (0-based index) of an open document. Not thread-safe per doc. */
    public List<OcrWord> read(PDDocument document, int pageIndex, float dpi) throws IOException {
        WordCollector collector = new WordCollector(dpi / 72f);
        collector.setSortByPosition(true);
        collector.setStartPage(pageIndex + 1);
        collector.setEndPage(pageIndex + 1);
        collector.getText(document);
        return collector.words;
    }

    /** The page's size in pixels at the given dpi, as PDFRenderer renders it (/Rotate applied). */
    public static int[] pixelSize(PDPage page, float dpi) {
        int[] size = textFrameSize(page, dpi);
        return page.getRotation() % 180 != 0 ? new int[] {size[1], size[0]} : size;
    }

    /**
     * The size in pixels at the given dpi of the frame the words are in: the crop box before the
     * page's /Rotate, in which text drawn the ordinary way runs left to right.
     */
    public static int[] textFrameSize(PDPage page, float dpi) {
        PDRectangle box = page.getCropBox();
        return new int[] {
            Math.max(1, Math.round(box.getWidth() * dpi / 72f)),
            Math.max(1, Math.round(box.getHeight() * dpi / 72f))
        };
    }

    private static final class WordCollector extends PDFTextStripper {
        private final float scale;
        private final List<OcrWord> words = new ArrayList<>();
        // Glyph outlines are parsed once per font and code for the page.
        private final Map<PDFont, Map<Integer, Optional<Rectangle2D>>> inkCache =
                new IdentityHashMap<>();

        WordCollector(float scale) {
            this.scale = scale;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            // PDFTextStripper calls this per run of text between the gaps it sees; when a PDF
            // draws spaces as glyphs, one run holds several words. Split on the positions
            // themselves: the text argument is already normalized (ligatures expanded), so its
            // indexes no longer line up with the positions.
            int start = 0;
            for (int i = 0; i <= positions.size(); i++) {
                if (i == positions.size() || isSpace(positions.get(i).getUnicode())) {
                    if (i > start) {
                        List<TextPosition> word = positions.subList(start, i);
                        add(wordText(word), word);
                    }
                    start = i + 1;
                }
            }
        }

        private static boolean isSpace(String unicode) {
            return unicode == null || unicode.isBlank();
        }

        /** The characters of a word, with presentation-form ligatures (U+FB00..FB06) expanded. */
        static String wordText(List<TextPosition> positions) {
            StringBuilder text = new StringBuilder();
            for (TextPosition p : positions) {
                String unicode = p.getUnicode();
                for (int i = 0; i < unicode.length(); i++) {
                    char c = unicode.charAt(i);
                    if (c >= '\uFB00' && c <= '\uFB06') {
                        text.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
                    } else {
                        text.append(c);
                    }
                }
            }
            return text.toString().strip();
        }

        private void add(String text, List<TextPosition> positions) {
            if (text.isEmpty()) {
                return;
            }
            float left = Float.MAX_VALUE;
            float right = -Float.MAX_VALUE;
            float top = Float.MAX_VALUE;
            float bottom = -Float.MAX_VALUE;
            for (TextPosition p : positions) {
                float baseline = p.getYDirAdj();
                Rectangle2D ink = inkBounds(p);
                if (ink != null) {
                    // Glyph outline in 1000-unit glyph space, scaled by the rendering matrix.
                    float xScale = Math.abs(p.getXScale()) / 1000f;
                    float yScale = Math.abs(p.getYScale()) / 1000f;
                    left = Math.min(left, p.getXDirAdj() + (float) ink.getMinX() * xScale);
                    right = Math.max(right, p.getXDirAdj() + (float) ink.getMaxX() * xScale);
                    top = Math.min(top, baseline - (float) ink.getMaxY() * yScale);
                    bottom = Math.max(bottom, baseline - (float) ink.getMinY() * yScale);
                    continue;
                }
                float size = Math.abs(p.getFontSizeInPt());
                if (size == 0) {
                    size = p.getHeightDir();
                }
                float ascent = ascent(p.getFont(), size, p.getHeightDir());
                float descent = descent(p.getFont(), size);
                left = Math.min(left, p.getXDirAdj());
                right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                top = Math.min(top, baseline - ascent);
                bottom = Math.max(bottom, baseline + descent);
            }
            int x = Math.round(left * scale);
            int y = Math.round(top * scale);
            int width = Math.max(1, Math.round(right * scale) - x);
            int height = Math.max(1, Math.round(bottom * scale) - y);
            words.add(new OcrWord(text, x, y, width, height, 1f));
        }

        /**
         * The ink bounds of a glyph in 1000-unit glyph space, or null when the font has no outlines
         * (Type 3) or the glyph is empty or unreadable; the caller then uses font metrics.
         */
        private Rectangle2D inkBounds(TextPosition p) {
            PDFont font = p.getFont();
            int[] codes = p.getCharacterCodes();
            if (!(font instanceof PDVectorFont vector) || codes == null || codes.length != 1) {
                return null;
            }
            return inkCache.computeIfAbsent(font, f -> new HashMap<>())
                    .computeIfAbsent(codes[0], code -> outline(vector, code))
                    .orElse(null);
        }

        private static Optional<Rectangle2D> outline(PDVectorFont font, int code) {
            try {
                Rectangle2D bounds = font.getNormalizedPath(code).getBounds2D();
                return bounds.isEmpty() ? Optional.empty() : Optional.of(bounds);
            } catch (IOException e) {
                // A glyph PDFBox cannot parse still has an advance: metrics give its box.
                return Optional.empty();
            }
        }

        private static float ascent(PDFont font, float size, float fallback) {
            PDFontDescriptor descriptor = font == null ? null : font.getFontDescriptor();
            if (descriptor != null) {
                // Cap height is nearer the ink top of most words than the ascent (which includes
                // accents and line gap in many fonts).
                float capHeight = descriptor.getCapHeight();
                if (capHeight > 0 && capHeight < 1500) {
                    return capHeight / 1000f * size;
                }
                float ascent = descriptor.getAscent();
                if (ascent > 0 && ascent < 1500) {
                    return ascent / 1000f * size;
                }
            }
            return fallback > 0 ? fallback : 0.72f * size;
        }

        private static float descent(PDFont font, float size) {
            PDFontDescriptor descriptor = font == null ? null : font.getFontDescriptor();
            if (descriptor != null) {
                float descent = Math.abs(descriptor.getDescent());
                if (descent > 0 && descent < 1000) {
                    return descent / 1000f * size;
                }
            }
            return 0.21f * size;
        }
    }
}
