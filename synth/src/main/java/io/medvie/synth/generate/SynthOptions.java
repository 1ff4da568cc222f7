package io.medvie.synth.generate;

import io.medvie.synth.style.Style;
import io.medvie.synth.template.Template;
import java.nio.file.Path;
import java.util.List;

/**
 * One generation run, validated at construction.
 *
 * @param templates the templates reports are drawn from (already filtered)
 * @param dpi page image resolution; 0 picks the style's default (clean 200, scan 150-300 per
 *     report, photo rendered at 200 then photographed at lower resolution)
 * @param scannedPdf for scan and photo, also bundle the page images into report.pdf
 * @param threads worker threads; output does not depend on it
 */
public record SynthOptions(
        int count,
        List<Template> templates,
        Style style,
        long seed,
        Path out,
        int dpi,
        boolean scannedPdf,
        int threads) {

    public SynthOptions {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        if (templates == null || templates.isEmpty()) {
            throw new IllegalArgumentException("templates must name at least one template");
        }
        if (dpi != 0 && (dpi < 72 || dpi > 600)) {
            throw new IllegalArgumentException(
                    "dpi must be 0 (style default) or 72-600, not " + dpi);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        templates = List.copyOf(templates);
    }
}
