package io.medvie.synth.render;

import io.medvie.synth.layout.Word;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Draws a page with Java2D at a given dpi and reports every word's ink box in its pixels. */
public final class ImageRenderer {

    private ImageRenderer() {}

    /** A rendered page and its words in pixel coordinates. */
    public record Rendered(BufferedImage image, List<Word> words, double dpi) {}

    public static Rendered render(PageLayout page, double dpi, boolean color, int paper) {
        double s = dpi / 72.0;
        int w = (int) Math.round(page.width() * s);
        int h = (int) Math.round(page.height() * s);
        BufferedImage img =
                new BufferedImage(
                        w, h, color ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(paper));
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_FRACTIONALMETRICS,
                    RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(s, s);
            Fonts fonts = Fonts.get();
            for (DrawOp op : page.ops()) {
                draw(g, fonts, op);
            }
        } finally {
            g.dispose();
        }
        return new Rendered(img, words(page, s, w, h), dpi);
    }

    private static void draw(Graphics2D g, Fonts fonts, DrawOp op) {
        if (op instanceof DrawOp.Text t) {
            g.setColor(new Color(t.style().color()));
            g.setFont(fonts.awt(t.style().face()).deriveFont((float) t.style().size()));
            g.drawString(t.text(), (float) t.x(), (float) t.baseline());
        } else if (op instanceof DrawOp.Line l) {
            g.setColor(new Color(l.color()));
            g.setStroke(new BasicStroke((float) l.width()));
            g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
        } else if (op instanceof DrawOp.Fill f) {
            g.setColor(new Color(f.color()));
            g.fill(new Rectangle2D.Double(f.x(), f.y(), f.w(), f.h()));
        } else if (op instanceof DrawOp.Box b) {
            g.setColor(new Color(b.color()));
            g.setStroke(new BasicStroke((float) b.width()));
            g.draw(new Rectangle2D.Double(b.x(), b.y(), b.w(), b.h()));
        } else if (op instanceof DrawOp.Oval o) {
            g.setColor(new Color(o.color()));
            g.fill(new Ellipse2D.Double(o.x(), o.y(), o.w(), o.h()));
        }
    }

    /** Word boxes in pixels, rounded outwards so that every inked pixel is inside. */
    static List<Word> words(PageLayout page, double s, int w, int h) {
        List<Word> out = new ArrayList<>();
        for (DrawOp op : page.ops()) {
            if (op instanceof DrawOp.Text t) {
                double x0 = Math.max(0, Math.floor(t.inkX() * s));
                double y0 = Math.max(0, Math.floor(t.inkY() * s));
                double x1 = Math.min(w, Math.ceil((t.inkX() + t.inkW()) * s));
                double y1 = Math.min(h, Math.ceil((t.inkY() + t.inkH()) * s));
                out.add(
                        new Word(
                                t.text(),
                                x0,
                                y0,
                                Math.max(1, x1 - x0),
                                Math.max(1, y1 - y0),
                                t.tag(),
                                t.row() < 0 ? null : t.row()));
            }
        }
        return out;
    }

    /** Word boxes in points, rounded to 1/100 point, for born-digital PDFs. */
    public static List<Word> pointWords(PageLayout page) {
        List<Word> out = new ArrayList<>();
        for (DrawOp op : page.ops()) {
            if (op instanceof DrawOp.Text t) {
                out.add(
                        new Word(
                                t.text(),
                                round2(t.inkX()),
                                round2(t.inkY()),
                                round2(t.inkW()),
                                round2(t.inkH()),
                                t.tag(),
                                t.row() < 0 ? null : t.row()));
            }
        }
        return out;
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
