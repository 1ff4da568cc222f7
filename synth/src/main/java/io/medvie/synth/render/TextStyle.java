package io.medvie.synth.render;

/**
 * How a run of text is drawn.
 *
 * @param size font size in points
 * @param color 0xRRGGBB
 */
public record TextStyle(FontFace face, double size, int color) {

    public static TextStyle of(FontFace face, double size) {
        return new TextStyle(face, size, 0x000000);
    }

    public TextStyle size(double s) {
        return new TextStyle(face, s, color);
    }

    public TextStyle color(int c) {
        return new TextStyle(face, size, c);
    }

    public TextStyle face(FontFace f) {
        return new TextStyle(f, size, color);
    }
}
