package io.medvie.model.features;

import io.medvie.ocr.OcrWord;
import io.medvie.ocr.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A page's words grouped into lines and put in reading order: lines top to bottom, words left to
 * right. Lines are found on the deskewed boxes: a word joins the line whose vertical band it
 * overlaps by at least half of the smaller height, so the cells of one table row, however far
 * apart, end on one line.
 *
 * @param page 0-based page index
 * @param width page width in the unit of the boxes
 * @param height page height
 * @param tokens the words in reading order
 * @param lineCount number of lines
 */
public record PageLayout(
        int page, double width, double height, List<LayoutToken> tokens, int lineCount) {

    /** A word before layout: its text, the box as read and the box with skew taken out. */
    public record Word(
            String text,
            double x,
            double y,
            double width,
            double height,
            double layoutX,
            double layoutY,
            float confidence) {}

    public PageLayout {
        tokens = List.copyOf(tokens);
    }

    /** The layout of a page read by {@code io.medvie.ocr.PageReader}. */
    public static PageLayout of(Page page) {
        List<OcrWord> words = page.words();
        List<OcrWord> straight = page.deskewedWords();
        List<Word> in = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            OcrWord w = words.get(i);
            OcrWord d = straight.get(i);
            in.add(
                    new Word(
                            w.text(),
                            w.x(),
                            w.y(),
                            w.width(),
                            w.height(),
                            d.x(),
                            d.y(),
                            w.confidence()));
        }
        return of(page.index(), page.width(), page.height(), in).layout();
    }

    /** A layout together with, for each token, the index of the input word it came from. */
    public record Indexed(PageLayout layout, int[] source) {}

    /**
     * Groups words into lines and orders them. Words with blank text are dropped.
     *
     * @return the layout and, per token, the index of its word in {@code words}
     */
    public static Indexed of(int page, double width, double height, List<Word> words) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).text().isBlank()) {
                order.add(i);
            }
        }
        order.sort(
                Comparator.<Integer>comparingDouble(
                                i -> words.get(i).layoutY() + words.get(i).height() / 2)
                        .thenComparingDouble(i -> words.get(i).layoutX())
                        .thenComparingInt(i -> i));
        // Greedy banding: a word joins the current line when it overlaps the line's band by half
        // of the smaller height. The band is the union of the line's words of ordinary height, so
        // a small glyph (a dash, an asterisk) neither starts its own line nor narrows the band,
        // and a tall box (two lines merged by OCR) cannot swallow the next line.
        double[] heights =
                order.stream().mapToDouble(i -> words.get(i).height()).sorted().toArray();
        double median = heights.length == 0 ? 1 : Math.max(1, heights[heights.length / 2]);
        List<List<Integer>> lines = new ArrayList<>();
        double top = 0;
        double bottom = 0;
        for (int i : order) {
            Word w = words.get(i);
            double wt = w.layoutY();
            double wb = w.layoutY() + Math.max(1, w.height());
            boolean ordinary = w.height() <= 2 * median;
            if (!lines.isEmpty()) {
                double overlap = Math.min(bottom, wb) - Math.max(top, wt);
                double smaller = Math.min(bottom - top, wb - wt);
                if (overlap >= 0.5 * smaller) {
                    lines.get(lines.size() - 1).add(i);
                    if (ordinary) {
                        top = Math.min(top, wt);
                        bottom = Math.max(bottom, wb);
                    }
                    continue;
                }
            }
            lines.add(new ArrayList<>(List.of(i)));
            top = wt;
            bottom = ordinary ? wb : wt + median;
        }
        List<LayoutToken> tokens = new ArrayList<>(order.size());
        int[] source = new int[order.size()];
        int lineIndex = 0;
        for (List<Integer> line : lines) {
            line.sort(
                    Comparator.<Integer>comparingDouble(i -> words.get(i).layoutX())
                            .thenComparingInt(i -> i));
            int k = 0;
            for (int i : line) {
                Word w = words.get(i);
                source[tokens.size()] = i;
                tokens.add(
                        new LayoutToken(
                                w.text(),
                                page,
                                w.x(),
                                w.y(),
                                w.width(),
                                w.height(),
                                w.layoutX(),
                                w.layoutY(),
                                lineIndex,
                                k++,
                                w.confidence()));
            }
            lineIndex++;
        }
        return new Indexed(new PageLayout(page, width, height, tokens, lines.size()), source);
    }

    public int size() {
        return tokens.size();
    }
}
