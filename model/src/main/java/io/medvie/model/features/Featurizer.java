package io.medvie.model.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a page's words into features: hashed ids (word, shape, character 3-grams, affixes, the
 * neighbours left, right and above, the line's first word) and dense values (normalised box, line
 * and column position, gaps, character classes, number/date/range patterns). Deterministic and
 * stateless, so one instance serves all threads.
 */
public final class Featurizer {

    private static final Pattern NUMBER = Pattern.compile("[<>]?[0-9]+([.,][0-9]+)*%?");
    private static final Pattern RANGE =
            Pattern.compile("[0-9]+([.,][0-9]+)?\\s*[-\u2013]\\s*[0-9]+([.,][0-9]+)?");
    private static final Pattern DATE =
            Pattern.compile(
                    "([0-9]{1,4}[-/.][0-9A-Za-z]{1,3}[-/.][0-9]{2,4})|([0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)");

    private final FeatureConfig config;

    public Featurizer(FeatureConfig config) {
        if (config.version() != FeatureConfig.VERSION) {
            throw new IllegalArgumentException(
                    "feature version "
                            + config.version()
                            + " is not supported by this build (it has "
                            + FeatureConfig.VERSION
                            + ")");
        }
        this.config = config;
    }

    public FeatureConfig config() {
        return config;
    }

    public PageFeatures features(PageLayout layout) {
        List<LayoutToken> tokens = layout.tokens();
        int n = tokens.size();
        int k = config.idsPerToken();
        int f = config.denseSize();
        int[] ids = new int[n * k];
        float[] dense = new float[n * f];
        int[] lineStart = new int[layout.lineCount() + 1];
        int[] lineSize = new int[layout.lineCount() + 1];
        int[] lineNumbers = new int[layout.lineCount() + 1];
        for (int i = n - 1; i >= 0; i--) {
            LayoutToken t = tokens.get(i);
            lineStart[t.line()] = i;
            lineSize[t.line()]++;
            if (NUMBER.matcher(t.text()).matches()) {
                lineNumbers[t.line()]++;
            }
        }
        double pw = Math.max(1, layout.width());
        double ph = Math.max(1, layout.height());
        for (int i = 0; i < n; i++) {
            LayoutToken t = tokens.get(i);
            boolean first = t.indexInLine() == 0;
            boolean last = t.indexInLine() == lineSize[t.line()] - 1;
            LayoutToken left = first ? null : tokens.get(i - 1);
            LayoutToken right = last ? null : tokens.get(i + 1);
            LayoutToken above = above(tokens, lineStart, t);
            String lineFirst = tokens.get(lineStart[t.line()]).text();

            List<String> keys = new ArrayList<>(k);
            String lower = t.text().toLowerCase(Locale.ROOT);
            keys.add("w:" + lower);
            keys.add("d:" + lower.replaceAll("[0-9]", "0"));
            keys.add("s:" + shape(t.text(), 2));
            keys.add("S:" + shape(t.text(), 1));
            keys.add("L:" + (left == null ? "<bol>" : left.text().toLowerCase(Locale.ROOT)));
            keys.add("R:" + (right == null ? "<eol>" : right.text().toLowerCase(Locale.ROOT)));
            keys.add("Ls:" + (left == null ? "<bol>" : shape(left.text(), 1)));
            keys.add("Rs:" + (right == null ? "<eol>" : shape(right.text(), 1)));
            keys.add("F:" + (first ? "<self>" : lineFirst.toLowerCase(Locale.ROOT)));
            keys.add("A:" + (above == null ? "<none>" : above.text().toLowerCase(Locale.ROOT)));
            keys.add("As:" + (above == null ? "<none>" : shape(above.text(), 1)));
            String padded = "^" + lower + "$";
            keys.add("p:" + padded.substring(0, Math.min(3, padded.length())));
            keys.add("x:" + padded.substring(Math.max(0, padded.length() - 3)));
            int grams = 0;
            for (int s = 0; s + 3 <= padded.length() && grams < config.maxNgrams(); s++) {
                keys.add("g:" + padded.substring(s, s + 3));
                grams++;
            }
            for (int j = 0; j < Math.min(k, keys.size()); j++) {
                ids[i * k + j] = hash(keys.get(j), config.buckets());
            }

            int o = i * f;
            double cx = (t.layoutX() + t.width() / 2) / pw;
            dense[o] = (float) (t.layoutX() / pw);
            dense[o + 1] = (float) (t.layoutY() / ph);
            dense[o + 2] = (float) (t.right() / pw);
            dense[o + 3] = (float) (t.bottom() / ph);
            dense[o + 4] = clip(t.width() / pw * 10);
            dense[o + 5] = clip(t.height() / ph * 50);
            dense[o + 6] = (float) t.line() / Math.max(1, layout.lineCount());
            dense[o + 7] = (float) t.indexInLine() / Math.max(1, lineSize[t.line()]);
            dense[o + 8] = first ? 1 : 0;
            dense[o + 9] = last ? 1 : 0;
            dense[o + 10] = left == null ? 1 : clip((t.layoutX() - left.right()) / pw * 10);
            dense[o + 11] = right == null ? 1 : clip((right.layoutX() - t.right()) / pw * 10);
            dense[o + 12] = clip(lineSize[t.line()] / 20.0);
            String text = t.text();
            int digits = 0;
            int alpha = 0;
            int upper = 0;
            int other = 0;
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (Character.isDigit(ch)) {
                    digits++;
                } else if (Character.isLetter(ch)) {
                    alpha++;
                    if (Character.isUpperCase(ch)) {
                        upper++;
                    }
                } else {
                    other++;
                }
            }
            double len = Math.max(1, text.length());
            dense[o + 13] = (float) (digits / len);
            dense[o + 14] = (float) (alpha / len);
            dense[o + 15] = (float) (upper / len);
            dense[o + 16] = (float) (other / len);
            dense[o + 17] = clip(text.length() / 20.0);
            dense[o + 18] = NUMBER.matcher(text).matches() ? 1 : 0;
            dense[o + 19] = RANGE.matcher(text).find() ? 1 : 0;
            dense[o + 20] = DATE.matcher(text).find() ? 1 : 0;
            dense[o + 21] = text.endsWith(":") ? 1 : 0;
            dense[o + 22] = left != null && left.text().endsWith(":") ? 1 : 0;
            dense[o + 23] = text.indexOf('/') >= 0 ? 1 : 0;
            dense[o + 24] = text.indexOf('%') >= 0 ? 1 : 0;
            dense[o + 25] = clip(lineNumbers[t.line()] / 5.0);
            int decile = (int) Math.max(0, Math.min(9, Math.floor(cx * 10)));
            dense[o + 26 + decile] = 1;
            dense[o + 36] = t.page() > 0 ? 1 : 0;
            dense[o + 37] = t.confidence();
        }
        return new PageFeatures(layout, ids, dense);
    }

    /** The nearest word on an earlier line that overlaps {@code t} horizontally. */
    private static LayoutToken above(List<LayoutToken> tokens, int[] lineStart, LayoutToken t) {
        for (int line = t.line() - 1; line >= 0 && line >= t.line() - 3; line--) {
            for (int j = lineStart[line]; j < tokens.size() && tokens.get(j).line() == line; j++) {
                LayoutToken u = tokens.get(j);
                if (u.layoutX() < t.right() && u.right() > t.layoutX()) {
                    return u;
                }
            }
        }
        return null;
    }

    private static float clip(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }

    /**
     * The word's shape: upper case X, lower case x, digit d, other characters kept; runs longer
     * than {@code maxRun} collapsed.
     */
    static String shape(String text, int maxRun) {
        StringBuilder sb = new StringBuilder();
        char prev = 0;
        int run = 0;
        for (int i = 0; i < text.length() && sb.length() < 16; i++) {
            char ch = text.charAt(i);
            char c =
                    Character.isUpperCase(ch)
                            ? 'X'
                            : Character.isLetter(ch) ? 'x' : Character.isDigit(ch) ? 'd' : ch;
            run = c == prev ? run + 1 : 1;
            prev = c;
            if (run <= maxRun) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** FNV-1a over the UTF-16 chars into 1..buckets-1 (0 is padding). */
    static int hash(String key, int buckets) {
        int h = 0x811c9dc5;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x01000193;
        }
        return 1 + Integer.remainderUnsigned(h, buckets - 1);
    }
}
