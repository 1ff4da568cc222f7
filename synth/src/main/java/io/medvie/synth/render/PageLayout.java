package io.medvie.synth.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The drawing of one page in PDF points (origin top-left), shared by every renderer. */
public final class PageLayout {

    private final double width;
    private final double height;
    private final List<DrawOp> ops = new ArrayList<>();

    public PageLayout(double width, double height) {
        this.width = width;
        this.height = height;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    void add(DrawOp op) {
        ops.add(op);
    }

    public List<DrawOp> ops() {
        return Collections.unmodifiableList(ops);
    }
}
