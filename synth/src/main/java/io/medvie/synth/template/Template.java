package io.medvie.synth.template;

import io.medvie.synth.content.ContentOptions;
import io.medvie.synth.content.ReportContent;
import io.medvie.synth.content.Rng;
import io.medvie.synth.render.Canvas;

/**
 * A layout of lab reports. Templates differ in structure (where blocks are, how results are
 * arranged), not only in fonts; each draws every page of a report on a {@link Canvas}.
 */
public interface Template {

    /** Stable name used on the command line and in meta.json; never change it. */
    String name();

    /** One sentence for docs and --help. */
    String description();

    /** What content this layout is made for (unit systems, number of panels...). */
    ContentOptions contentOptions();

    /** Page size in points; A4 portrait unless the template says otherwise. */
    default double[] pageSize() {
        return new double[] {Canvas.A4_W, Canvas.A4_H};
    }

    void draw(ReportContent content, Canvas canvas, Rng rng);
}
