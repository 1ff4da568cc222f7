package io.medvie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.medvie.synth.generate.DatasetWriter;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.FieldTag;
import io.medvie.synth.layout.LabeledReport;
import io.medvie.synth.layout.Manifest;
import io.medvie.synth.layout.PageWords;
import io.medvie.synth.layout.ReportMeta;
import io.medvie.synth.layout.Word;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 6 (same seed, same bytes) and the layout contract, through the public reader. */
class DatasetRoundTripTest {

    @TempDir Path tmp;

    private static Manifest write(
            Path out, Style style, long seed, int count, int threads, boolean scannedPdf)
            throws InterruptedException {
        return new DatasetWriter(
                        new SynthOptions(
                                count, Templates.all(), style, seed, out, 0, scannedPdf, threads))
                .run(done -> {});
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void sameSeedSameBytesInEveryStyleWhateverTheThreadCount() throws Exception {
        for (Style style : Style.values()) {
            Path a = tmp.resolve(style.id() + "-a");
            Path b = tmp.resolve(style.id() + "-b");
            write(a, style, 11, 3, 1, style == Style.SCAN);
            write(b, style, 11, 3, 2, style == Style.SCAN);
            Map<String, byte[]> fa = files(a);
            Map<String, byte[]> fb = files(b);
            assertThat(fb.keySet()).isEqualTo(fa.keySet());
            for (String name : fa.keySet()) {
                assertThat(fb.get(name))
                        .as("%s of style %s", name, style.id())
                        .isEqualTo(fa.get(name));
            }
        }
        Path c = tmp.resolve("other-seed");
        write(c, Style.CLEAN, 12, 3, 2, false);
        assertThat(files(c).get("r000000/page-1.png"))
                .isNotEqualTo(files(tmp.resolve("clean-a")).get("r000000/page-1.png"));
    }

    @Test
    void readerReturnsWhatTheWriterWrote() throws Exception {
        Path out = tmp.resolve("set");
        Manifest written = write(out, Style.SCAN, 5, 4, 2, true);
        DatasetReader reader = DatasetReader.open(out);
        assertThat(reader.manifest()).isEqualTo(written);
        assertThat(reader.size()).isEqualTo(4);
        for (LabeledReport r : reader.readAll()) {
            ReportMeta meta = r.meta();
            assertThat(meta.style()).isEqualTo("scan");
            assertThat(meta.coordinates()).isEqualTo(ReportMeta.IMAGE_PIXELS);
            assertThat(meta.dpi()).isBetween(150.0, 300.0);
            assertThat(r.pages()).hasSize(meta.pageCount());
            assertThat(Files.exists(r.pdfPath())).isTrue();
            int tests = r.document().path("tests").size();
            for (PageWords page : r.pages()) {
                BufferedImage img = ImageIO.read(r.imagePath(page.page()).toFile());
                assertThat(img.getWidth()).isEqualTo(page.width());
                assertThat(img.getHeight()).isEqualTo(page.height());
                assertThat(page.words()).isNotEmpty();
                for (Word w : page.words()) {
                    assertThat(FieldTag.PATHS).contains(w.tag());
                    assertThat(w.x()).isBetween(0.0, (double) page.width());
                    assertThat(w.bottom()).isBetween(0.0, (double) page.height());
                    assertThat(w.w()).isPositive();
                    if (w.tag().startsWith("test.")) {
                        assertThat(w.row()).isNotNull().isBetween(0, tests - 1);
                    } else {
                        assertThat(w.row()).isNull();
                    }
                }
            }
        }
    }

    @Test
    void bornDigitalPdfHoldsTheWordsAtTheirPointBoxes() throws Exception {
        Path out = tmp.resolve("pdf");
        write(out, Style.PDF, 8, 3, 1, false);
        for (LabeledReport r : DatasetReader.open(out).readAll()) {
            assertThat(r.meta().coordinates()).isEqualTo(ReportMeta.PDF_POINTS);
            assertThat(r.imagePath(1)).isNull();
            try (PDDocument doc = Loader.loadPDF(r.pdfPath().toFile())) {
                assertThat(doc.getNumberOfPages()).isEqualTo(r.meta().pageCount());
                PageWords first = r.pages().get(0);
                assertThat((double) first.width())
                        .isCloseTo(doc.getPage(0).getMediaBox().getWidth(), offset(1.0));
                assertThat(wordsWithoutGlyphAtTheirBox(doc, first))
                        .as("words whose first glyph is not at their box")
                        .isEmpty();
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(1);
                stripper.setEndPage(1);
                String text = stripper.getText(doc).replaceAll("\\s+", " ");
                List<String> missing = new ArrayList<>();
                for (Word w : first.words()) {
                    if (!text.contains(w.text())) {
                        missing.add(w.text());
                    }
                }
                assertThat(missing).as("words of page 1 not in the PDF text").isEmpty();
            }
        }
    }

    /**
     * For each word, PDFBox must report a glyph with the word's first character whose origin is at
     * the left of the ink box and whose baseline lies below the box's top and not far under its
     * bottom (ink starts at the side bearing; descenders go below the baseline; a hyphen or a
     * middle dot sits well above it).
     */
    private static List<String> wordsWithoutGlyphAtTheirBox(PDDocument doc, PageWords page)
            throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper collector =
                new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        glyphs.add(text);
                        super.processTextPosition(text);
                    }
                };
        collector.setStartPage(1);
        collector.setEndPage(1);
        collector.getText(doc);
        List<String> bad = new ArrayList<>();
        for (Word w : page.words()) {
            String first = w.text().substring(0, 1);
            boolean ok = false;
            for (TextPosition t : glyphs) {
                if (t.getUnicode().equals(first)
                        && Math.abs(t.getXDirAdj() - w.x()) < 2.5
                        && t.getYDirAdj() > w.y()
                        && t.getYDirAdj() < w.bottom() + 0.5 * t.getFontSizeInPt()) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                bad.add(w.text());
            }
        }
        return bad;
    }

    @Test
    void refusesToWriteOverAnExistingDataset() throws Exception {
        Path out = tmp.resolve("twice");
        write(out, Style.CLEAN, 1, 1, 1, false);
        assertThatThrownBy(() -> write(out, Style.CLEAN, 1, 1, 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.json");
    }
}
