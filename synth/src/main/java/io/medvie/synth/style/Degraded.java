package io.medvie.synth.style;

import io.medvie.synth.layout.Word;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A degraded page image, the map from clean to degraded pixels, and the image's effective dpi. */
public record Degraded(BufferedImage image, PointMap map, double dpi) {

    /**
     * Moves word boxes from the clean page into this image: the box of a word is the axis-aligned
     * bounds of its four mapped corners, clipped to the image.
     */
    public List<Word> mapWords(List<Word> clean) {
        int w = image.getWidth();
        int h = image.getHeight();
        List<Word> out = new ArrayList<>(clean.size());
        for (Word word : clean) {
            double[][] c = {
                map.map(word.x(), word.y()),
                map.map(word.right(), word.y()),
                map.map(word.right(), word.bottom()),
                map.map(word.x(), word.bottom())
            };
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            for (double[] p : c) {
                x0 = Math.min(x0, p[0]);
                y0 = Math.min(y0, p[1]);
                x1 = Math.max(x1, p[0]);
                y1 = Math.max(y1, p[1]);
            }
            x0 = Math.max(0, Math.floor(x0));
            y0 = Math.max(0, Math.floor(y0));
            x1 = Math.min(w, Math.ceil(x1));
            y1 = Math.min(h, Math.ceil(y1));
            out.add(
                    new Word(
                            word.text(),
                            x0,
                            y0,
                            Math.max(1, x1 - x0),
                            Math.max(1, y1 - y0),
                            word.tag(),
                            word.row()));
        }
        return out;
    }
}
