package io.medvie.synth.style;

import java.util.Locale;

/** How a report is delivered: a born-digital PDF or page images of increasing difficulty. */
public enum Style {
    /** Born-digital PDF with real text; words in PDF points. */
    PDF,
    /** Page images straight from the renderer (PNG). */
    CLEAN,
    /** Flatbed scans: skew up to 3 degrees, blur, noise, JPEG, 150-300 dpi (grey JPEG). */
    SCAN,
    /** Phone photos: perspective, uneven light and shadow, lower resolution (colour JPEG). */
    PHOTO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Style parse(String s) {
        for (Style st : values()) {
            if (st.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return st;
            }
        }
        throw new IllegalArgumentException(
                "style must be one of pdf, clean, scan, photo, not '" + s + "'");
    }
}
