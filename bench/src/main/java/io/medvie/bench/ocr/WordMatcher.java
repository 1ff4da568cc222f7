package io.medvie.bench.ocr;

import io.medvie.bench.ocr.DatasetPages.TruthWord;
import io.medvie.ocr.Boxes;
import io.medvie.ocr.OcrWord;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores OCR words against ground-truth words on one page.
 *
 * <ul>
 *   <li>A truth word is <b>matched</b> when an OCR word with the same text (after Unicode NFC, case
 *       and punctuation kept) overlaps it with IoU over 0.5. Matching is one-to-one: truth words in
 *       order each take the unused OCR word with the highest IoU.
 *   <li>Word accuracy = matched / truth words; precision = matched / OCR words.
 *   <li>Text-only accuracy ignores boxes: the size of the multiset intersection of truth and OCR
 *       texts over the number of truth words. Its gap to word accuracy measures box misalignment.
 * </ul>
 */
public final class WordMatcher {
    public static final double MIN_IOU = 0.5;

    /** Counts for one page; add them up for a set. */
    public record Score(int truthWords, int ocrWords, int matched, int textMatched) {
        public static final Score ZERO = new Score(0, 0, 0, 0);

        public Score plus(Score o) {
            return new Score(
                    truthWords + o.truthWords,
                    ocrWords + o.ocrWords,
                    matched + o.matched,
                    textMatched + o.textMatched);
        }

        public double accuracy() {
            return truthWords == 0 ? 0 : (double) matched / truthWords;
        }

        public double precision() {
            return ocrWords == 0 ? 0 : (double) matched / ocrWords;
        }

        public double textAccuracy() {
            return truthWords == 0 ? 0 : (double) textMatched / truthWords;
        }
    }

    private WordMatcher() {}

    /**
     * @param scale multiplies OCR coordinates into the truth's unit (e.g. 72/300 when the truth is
     *     in PDF points and the OCR words are pixels at 300 dpi)
     */
    public static Score score(List<TruthWord> truth, List<OcrWord> ocr, double scale) {
        boolean[] used = new boolean[ocr.size()];
        String[] ocrText = new String[ocr.size()];
        for (int i = 0; i < ocr.size(); i++) {
            ocrText[i] = normalize(ocr.get(i).text());
        }
        int matched = 0;
        for (TruthWord t : truth) {
            String text = normalize(t.text());
            int best = -1;
            double bestIou = MIN_IOU;
            for (int i = 0; i < ocr.size(); i++) {
                if (used[i] || !ocrText[i].equals(text)) {
                    continue;
                }
                OcrWord o = ocr.get(i);
                double iou =
                        Boxes.iou(
                                o.x() * scale,
                                o.y() * scale,
                                o.width() * scale,
                                o.height() * scale,
                                t.x(),
                                t.y(),
                                t.w(),
                                t.h());
                if (iou > bestIou) {
                    bestIou = iou;
                    best = i;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched++;
            }
        }
        return new Score(truth.size(), ocr.size(), matched, textMatches(truth, ocrText));
    }

    private static int textMatches(List<TruthWord> truth, String[] ocrText) {
        Map<String, Integer> available = new HashMap<>();
        for (String s : ocrText) {
            available.merge(s, 1, Integer::sum);
        }
        int count = 0;
        for (TruthWord t : truth) {
            String text = normalize(t.text());
            Integer left = available.get(text);
            if (left != null && left > 0) {
                available.put(text, left - 1);
                count++;
            }
        }
        return count;
    }

    static String normalize(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
