package io.medvie.synth.render;

/** One drawing instruction of a page, in PDF points with y growing downwards. */
public sealed interface DrawOp {

    /**
     * One word. The ink box is measured from the glyph outlines when the word is placed, so every
     * renderer reports the same box.
     *
     * @param baseline y of the baseline
     * @param tag field tag path
     * @param row tests[] row index or -1
     */
    record Text(
            String text,
            TextStyle style,
            double x,
            double baseline,
            String tag,
            int row,
            double inkX,
            double inkY,
            double inkW,
            double inkH)
            implements DrawOp {}

    record Line(double x1, double y1, double x2, double y2, double width, int color)
            implements DrawOp {}

    /** A filled rectangle. */
    record Fill(double x, double y, double w, double h, int color) implements DrawOp {}

    /** A rectangle outline. */
    record Box(double x, double y, double w, double h, double width, int color) implements DrawOp {}

    /** A filled ellipse, for logos and stamps. */
    record Oval(double x, double y, double w, double h, int color) implements DrawOp {}
}
