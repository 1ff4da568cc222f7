package io.medvie.synth.render;

/** The fonts shipped in synth's resources (see fonts/README.md there for their licenses). */
public enum FontFace {
    DEJAVU_SANS("DejaVuSans.ttf"),
    DEJAVU_SANS_BOLD("DejaVuSans-Bold.ttf"),
    LIBERATION_SANS("LiberationSans-Regular.ttf"),
    LIBERATION_SANS_BOLD("LiberationSans-Bold.ttf"),
    LIBERATION_SANS_ITALIC("LiberationSans-Italic.ttf"),
    LIBERATION_SERIF("LiberationSerif-Regular.ttf"),
    LIBERATION_SERIF_BOLD("LiberationSerif-Bold.ttf"),
    LIBERATION_MONO("LiberationMono-Regular.ttf"),
    LIBERATION_MONO_BOLD("LiberationMono-Bold.ttf"),
    CARLITO("Carlito-Regular.ttf"),
    CARLITO_BOLD("Carlito-Bold.ttf");

    private final String file;

    FontFace(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }
}
