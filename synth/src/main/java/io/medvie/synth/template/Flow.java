package io.medvie.synth.template;

import io.medvie.synth.render.Canvas;

/**
 * A vertical cursor that starts a new page when the next block does not fit, drawing the template's
 * repeated page header (patient block, table header) on it.
 */
final class Flow {

    /** Draws what every continuation page starts with and returns the y to continue at. */
    interface PageStart {
        double start(Canvas c);
    }

    private final Canvas c;
    private final double bottom;
    private PageStart pageStart;
    double y;

    Flow(Canvas c, double y, double bottom, PageStart pageStart) {
        this.c = c;
        this.y = y;
        this.bottom = bottom;
        this.pageStart = pageStart;
    }

    void onNewPage(PageStart start) {
        this.pageStart = start;
    }

    /** Makes room for a block of height {@code h}; returns true when a new page was started. */
    boolean ensure(double h) {
        if (y + h <= bottom) {
            return false;
        }
        c.newPage();
        y = pageStart.start(c);
        return true;
    }

    double bottom() {
        return bottom;
    }
}
