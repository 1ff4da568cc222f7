package io.medvie.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.ocr.OcrWord;
import io.medvie.ocr.TesseractOcr;
import io.medvie.synth.generate.GeneratedReport;
import io.medvie.synth.generate.ReportGenerator;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.layout.DatasetJson;
import io.medvie.synth.layout.PageWords;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Template;
import io.medvie.synth.template.Templates;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3: on clean page images, at least 95% of the words Tesseract reads overlap a
 * ground-truth word box with IoU over 0.5 and carry the same text.
 */
class BoxAccuracyIT {

    private static final int PER_TEMPLATE = 2;

    @Test
    void tesseractWordsLandOnGroundTruthBoxes() throws Exception {
        int read = 0;
        int matched = 0;
        List<String> perTemplate = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        try (TesseractOcr ocr = TesseractOcr.create()) {
            for (Template t : Templates.all()) {
                ReportGenerator gen =
                        new ReportGenerator(
                                new SynthOptions(
                                        PER_TEMPLATE,
                                        List.of(t),
                                        Style.CLEAN,
                                        31,
                                        Path.of("unused"),
                                        0,
                                        false,
                                        1));
                int tRead = 0;
                int tMatched = 0;
                for (int i = 0; i < PER_TEMPLATE; i++) {
                    GeneratedReport r = gen.generate(i);
                    PageWords truth =
                            DatasetJson.mapper()
                                    .readValue(r.file("page-1.words.json"), PageWords.class);
                    BufferedImage img =
                            ImageIO.read(new ByteArrayInputStream(r.file("page-1.png")));
                    for (OcrWord o : ocr.read(img, (int) truth.dpi())) {
                        if (o.text().isBlank()) {
                            continue;
                        }
                        tRead++;
                        if (OcrMatch.matches(o, truth.words())) {
                            tMatched++;
                        } else if (misses.size() < 40) {
                            misses.add(t.name() + ":" + o.text());
                        }
                    }
                }
                perTemplate.add(
                        String.format(
                                Locale.ROOT,
                                "%s %.3f (%d words)",
                                t.name(),
                                tMatched / (double) tRead,
                                tRead));
                read += tRead;
                matched += tMatched;
            }
        }
        double ratio = matched / (double) read;
        System.err.printf(
                Locale.ROOT,
                "box accuracy %.4f over %d Tesseract words%n  %s%n  unmatched: %s%n",
                ratio,
                read,
                String.join("\n  ", perTemplate),
                misses);
        assertThat(read).isGreaterThan(1500);
        assertThat(ratio)
                .as("share of Tesseract words on a ground-truth box with the same text")
                .isGreaterThanOrEqualTo(0.95);
    }
}
