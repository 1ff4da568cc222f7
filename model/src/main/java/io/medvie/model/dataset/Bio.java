package io.medvie.model.dataset;

import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TagSet;
import io.medvie.model.features.LayoutToken;
import java.util.List;

/**
 * Gold BIO labels from per-token fields, written the way {@code Decoder} reads them back: I when
 * the previous token has the same field (and row), or when that field's (row's) span ended one or
 * two lines above and overlaps the token horizontally (a value wrapped onto the next line); B
 * otherwise.
 */
public final class Bio {

    private Bio() {}

    /**
     * @param tokens the page in reading order
     * @param fields field index per token, -1 for O
     * @param rows tests[] row per token, -1 when not a test field
     */
    public static int[] labels(TagSet tags, List<LayoutToken> tokens, int[] fields, int[] rows) {
        int n = tokens.size();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int f = fields[i];
            if (f < 0) {
                labels[i] = TagSet.O;
                continue;
            }
            boolean inside =
                    i > 0
                            && fields[i - 1] == f
                            && rows[i - 1] == rows[i]
                            && Decoder.near(tokens.get(i - 1), tokens.get(i));
            if (!inside) {
                LayoutToken t = tokens.get(i);
                // The last earlier token of the same field (and row): is it just above?
                for (int j = i - 1; j >= 0; j--) {
                    if (fields[j] == f && rows[j] == rows[i]) {
                        LayoutToken u = tokens.get(j);
                        // Patient and report values wrap anywhere; test cells stay in their column.
                        inside =
                                u.line() < t.line()
                                        && u.line() >= t.line() - 2
                                        && (!tags.isTestField(f)
                                                || overlapsSpan(tokens, fields, rows, j, t));
                        break;
                    }
                }
            }
            labels[i] = inside ? tags.inside(f) : tags.begin(f);
        }
        return labels;
    }

    /** Whether the span ending at {@code end} has a token horizontally overlapping {@code t}. */
    private static boolean overlapsSpan(
            List<LayoutToken> tokens, int[] fields, int[] rows, int end, LayoutToken t) {
        for (int j = end; j >= 0; j--) {
            if (fields[j] != fields[end] || rows[j] != rows[end]) {
                if (tokens.get(j).line() < tokens.get(end).line() - 2) {
                    break;
                }
                continue;
            }
            LayoutToken u = tokens.get(j);
            if (u.layoutX() < t.right() && u.right() > t.layoutX()) {
                return true;
            }
        }
        return false;
    }
}
