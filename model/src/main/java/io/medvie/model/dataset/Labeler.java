package io.medvie.model.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.Flags;
import io.medvie.model.decode.TagSet;
import io.medvie.model.decode.TaggedPage;
import io.medvie.model.features.LayoutToken;
import io.medvie.model.features.PageLayout;
import io.medvie.model.metric.FieldMetric;
import io.medvie.model.metric.FieldPairs;
import io.medvie.ocr.Page;
import io.medvie.synth.layout.LabeledReport;
import io.medvie.synth.layout.PageWords;
import io.medvie.synth.layout.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Gold labels for training, three ways:
 *
 * <ul>
 *   <li>{@link #truthWords}: the synthetic ground-truth words and their tags (exact, but not what
 *       the model sees at inference);
 *   <li>{@link #ocrWords}: the words OCR read, each labelled with the tag of the ground-truth word
 *       its box overlaps most (by at least 30% of the smaller box) (what the model sees at
 *       inference; OCR errors become label noise);
 *   <li>{@link #verified}: words OCR read and a document without word labels (a reviewer-verified
 *       sample), labelled by finding each value's words on the page.
 * </ul>
 *
 * Each result carries {@code aligned}: the recall of the labels decoded back against the true
 * document, an upper bound of what a model trained on them can reach. Thread-safe.
 */
public final class Labeler {

    private final TagSet tags;
    private final Decoder decoder;

    public Labeler(TagSet tags, Decoder decoder) {
        this.tags = tags;
        this.decoder = decoder;
    }

    public LabeledDocument truthWords(LabeledReport report) {
        List<LabeledPage> pages = new ArrayList<>();
        for (int p = 0; p < report.pages().size(); p++) {
            PageWords pw = report.pages().get(p);
            List<PageLayout.Word> words = new ArrayList<>(pw.words().size());
            for (Word w : pw.words()) {
                words.add(
                        new PageLayout.Word(
                                w.text(), w.x(), w.y(), w.w(), w.h(), w.x(), w.y(), 1f));
            }
            PageLayout.Indexed ix = PageLayout.of(p, pw.width(), pw.height(), words);
            int n = ix.layout().size();
            int[] fields = new int[n];
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                Word w = pw.words().get(ix.source()[i]);
                fields[i] = tags.field(w.tag());
                rows[i] = fields[i] >= 0 && w.row() != null ? w.row() : -1;
            }
            pages.add(
                    new LabeledPage(
                            ix.layout(), Bio.labels(tags, ix.layout().tokens(), fields, rows)));
        }
        return finish(report, pages);
    }

    /** Labels OCR pages of a synthetic report from its ground-truth words by box overlap. */
    public LabeledDocument ocrWords(LabeledReport report, List<Page> ocrPages) {
        List<LabeledPage> pages = new ArrayList<>();
        for (Page page : ocrPages) {
            PageLayout layout = PageLayout.of(page);
            int n = layout.size();
            int[] fields = new int[n];
            int[] rows = new int[n];
            Arrays.fill(fields, -1);
            Arrays.fill(rows, -1);
            if (page.index() < report.pages().size()) {
                PageWords truth = report.pages().get(page.index());
                double sx = page.width() / Math.max(1.0, truth.width());
                double sy = page.height() / Math.max(1.0, truth.height());
                for (int i = 0; i < n; i++) {
                    LayoutToken t = layout.tokens().get(i);
                    Word best = null;
                    double bestInter = 0;
                    for (Word w : truth.words()) {
                        double ix =
                                Math.min(t.x() + t.width(), (w.x() + w.w()) * sx)
                                        - Math.max(t.x(), w.x() * sx);
                        double iy =
                                Math.min(t.y() + t.height(), (w.y() + w.h()) * sy)
                                        - Math.max(t.y(), w.y() * sy);
                        if (ix > 0 && iy > 0 && ix * iy > bestInter) {
                            bestInter = ix * iy;
                            best = w;
                        }
                    }
                    // Ink boxes (truth) are tighter than text boxes (PDF, OCR): a dash's ink is a
                    // sliver of its text box, so compare with the smaller of the two.
                    double area =
                            best == null
                                    ? 1
                                    : Math.max(
                                            1,
                                            Math.min(
                                                    t.width() * t.height(),
                                                    best.w() * sx * best.h() * sy));
                    if (best != null && bestInter >= 0.3 * area) {
                        fields[i] = tags.field(best.tag());
                        rows[i] = fields[i] >= 0 && best.row() != null ? best.row() : -1;
                    }
                }
            }
            pages.add(new LabeledPage(layout, Bio.labels(tags, layout.tokens(), fields, rows)));
        }
        return finish(report, pages);
    }

    private LabeledDocument finish(LabeledReport report, List<LabeledPage> pages) {
        return new LabeledDocument(
                report.id(),
                report.meta().template(),
                report.meta().style(),
                pages,
                report.document(),
                oracleRecall(pages, report.document()));
    }

    /** Recall of the gold labels decoded back against the truth. */
    public double oracleRecall(List<LabeledPage> pages, JsonNode truth) {
        List<TaggedPage> tagged = new ArrayList<>();
        for (LabeledPage p : pages) {
            float[] ones = new float[p.labels().length];
            Arrays.fill(ones, 1f);
            tagged.add(new TaggedPage(p.layout(), p.labels(), ones));
        }
        return FieldMetric.score(decoder.decode(tagged).document(), truth).total().recall();
    }

    /**
     * Labels OCR pages from a document alone (a verified sample): each patient and report value is
     * looked for as a run of consecutive words (reading order, whitespace ignored), the first not
     * yet used; each test row's name likewise, then its value, unit and range among the unused
     * words on the name's line and the two after it, and a printed flag on the name's line that
     * reads as the row's flag. Values not found stay unlabelled ({@code aligned} says how many were
     * found).
     */
    public LabeledDocument verified(
            String id, String style, List<Page> ocrPages, JsonNode document) {
        List<PageLayout> layouts = new ArrayList<>();
        List<LayoutToken> all = new ArrayList<>();
        for (Page p : ocrPages) {
            PageLayout l = PageLayout.of(p);
            layouts.add(l);
            all.addAll(l.tokens());
        }
        int n = all.size();
        int[] fields = new int[n];
        int[] rows = new int[n];
        Arrays.fill(fields, -1);
        Arrays.fill(rows, -1);
        String[] squeezed = new String[n];
        for (int i = 0; i < n; i++) {
            squeezed[i] = FieldPairs.squeeze(all.get(i).text());
        }
        for (String group : List.of("patient", "report")) {
            JsonNode obj = document.get(group);
            if (obj == null || !obj.isObject()) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                int f = tags.field(group + "." + e.getKey());
                if (f < 0) {
                    continue;
                }
                String value = FieldPairs.squeeze(e.getValue().asText());
                if (f == tags.field("patient.sex")) {
                    markSex(all, squeezed, fields, rows, f, value);
                } else {
                    int[] run = find(all, squeezed, fields, value, 0, n, false);
                    mark(fields, rows, run, f, -1);
                }
            }
        }
        JsonNode tests = document.get("tests");
        if (tests != null && tests.isArray()) {
            int from = 0;
            int r = 0;
            for (JsonNode row : tests) {
                int[] name = find(all, squeezed, fields, squeeze(row.get("name")), from, n, false);
                if (name == null) {
                    name = find(all, squeezed, fields, squeeze(row.get("name")), 0, n, false);
                }
                if (name != null) {
                    mark(fields, rows, name, tags.field("test.name"), r);
                    from = name[1];
                    int page = all.get(name[0]).page();
                    int line = all.get(name[0]).line();
                    int end = name[1];
                    while (end < n
                            && all.get(end).page() == page
                            && all.get(end).line() <= line + 2) {
                        end++;
                    }
                    int start = name[0];
                    while (start > 0
                            && all.get(start - 1).page() == page
                            && all.get(start - 1).line() == line) {
                        start--;
                    }
                    for (String leaf : List.of("value", "unit", "reference_range")) {
                        int[] run =
                                find(
                                        all,
                                        squeezed,
                                        fields,
                                        squeeze(row.get(leaf)),
                                        start,
                                        end,
                                        true);
                        mark(fields, rows, run, tags.field("test." + leaf), r);
                    }
                    JsonNode flag = row.get("flag");
                    if (flag != null) {
                        for (int i = start; i < end && all.get(i).line() == line; i++) {
                            if (fields[i] < 0
                                    && Flags.printed(all.get(i).text())
                                            .filter(flag.asText()::equals)
                                            .isPresent()) {
                                fields[i] = tags.field("test.flag");
                                rows[i] = r;
                                break;
                            }
                        }
                    }
                }
                r++;
            }
        }
        List<LabeledPage> pages = new ArrayList<>();
        int offset = 0;
        for (PageLayout l : layouts) {
            int size = l.size();
            int[] f = Arrays.copyOfRange(fields, offset, offset + size);
            int[] rw = Arrays.copyOfRange(rows, offset, offset + size);
            pages.add(new LabeledPage(l, Bio.labels(tags, l.tokens(), f, rw)));
            offset += size;
        }
        return new LabeledDocument(id, null, style, pages, document, oracleRecall(pages, document));
    }

    private static String squeeze(JsonNode node) {
        return node == null || node.isNull() ? "" : FieldPairs.squeeze(node.asText());
    }

    private void markSex(
            List<LayoutToken> all,
            String[] squeezed,
            int[] fields,
            int[] rows,
            int f,
            String value) {
        for (int i = 0; i < all.size(); i++) {
            if (fields[i] >= 0) {
                continue;
            }
            String t = squeezed[i].replaceAll("[^A-Za-z]", "");
            if (t.matches("(?i)f|m|female|male") && Decoder.sexOf(t).equals(value)) {
                fields[i] = f;
                rows[i] = -1;
                return;
            }
        }
    }

    private static void mark(int[] fields, int[] rows, int[] run, int f, int row) {
        if (run == null) {
            return;
        }
        for (int i = run[0]; i < run[1]; i++) {
            fields[i] = f;
            rows[i] = row;
        }
    }

    /**
     * The first run {@code [start, end)} of unused consecutive tokens in {@code [from, to)} whose
     * texts concatenate to {@code value} (whitespace removed), at most 12 tokens long, or null.
     */
    private static int[] find(
            List<LayoutToken> all,
            String[] squeezed,
            int[] fields,
            String value,
            int from,
            int to,
            boolean crossLines) {
        if (value.isEmpty()) {
            return null;
        }
        for (int s = from; s < to; s++) {
            if (fields[s] >= 0 || !value.startsWith(squeezed[s]) || squeezed[s].isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int e = s; e < to && e < s + 12; e++) {
                if (fields[e] >= 0 || all.get(e).page() != all.get(s).page()) {
                    break;
                }
                if (!crossLines && all.get(e).line() != all.get(s).line()) {
                    break;
                }
                sb.append(squeezed[e]);
                if (sb.length() > value.length() || !value.startsWith(sb.toString())) {
                    break;
                }
                if (sb.length() == value.length()) {
                    return new int[] {s, e + 1};
                }
            }
        }
        return null;
    }
}
