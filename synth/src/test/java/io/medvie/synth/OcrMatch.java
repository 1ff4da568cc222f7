package io.medvie.synth;

import io.medvie.ocr.Boxes;
import io.medvie.ocr.OcrWord;
import io.medvie.synth.layout.Word;
import java.util.List;

/** Matching Tesseract's words against ground-truth words by text and box overlap. */
final class OcrMatch {

    private OcrMatch() {}

    /** Whether some ground-truth word has the same text and a box with IoU above 0.5. */
    static boolean matches(OcrWord o, List<Word> truth) {
        for (Word w : truth) {
            if (w.text().equals(o.text())
                    && Boxes.iou(o.x(), o.y(), o.width(), o.height(), w.x(), w.y(), w.w(), w.h())
                            > 0.5) {
                return true;
            }
        }
        return false;
    }

    /** Whether Tesseract read this ground-truth word: same text, box IoU above 0.5. */
    static boolean found(Word w, List<OcrWord> ocr) {
        for (OcrWord o : ocr) {
            if (w.text().equals(o.text())
                    && Boxes.iou(o.x(), o.y(), o.width(), o.height(), w.x(), w.y(), w.w(), w.h())
                            > 0.5) {
                return true;
            }
        }
        return false;
    }
}
