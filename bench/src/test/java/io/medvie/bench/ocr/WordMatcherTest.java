package io.medvie.bench.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.bench.ocr.DatasetPages.TruthWord;
import io.medvie.bench.ocr.WordMatcher.Score;
import io.medvie.ocr.OcrWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordMatcherTest {
    private static final List<TruthWord> TRUTH =
            List.of(
                    new TruthWord("Hemoglobin", 100, 100, 200, 40),
                    new TruthWord("13.2", 400, 100, 80, 40),
                    new TruthWord("g/dL", 520, 100, 80, 40));

    @Test
    void sameTextAndOverlappingBoxMatch() {
        Score s =
                WordMatcher.score(
                        TRUTH,
                        List.of(
                                new OcrWord("Hemoglobin", 102, 98, 198, 44, 0.9f),
                                new OcrWord("13.2", 400, 100, 80, 40, 0.9f),
                                new OcrWord("g/dL", 520, 100, 80, 40, 0.9f)),
                        1);
        assertThat(s).isEqualTo(new Score(3, 3, 3, 3));
        assertThat(s.accuracy()).isEqualTo(1.0);
    }

    @Test
    void misreadTextDoesNotMatchButRightTextInTheWrongPlaceCountsOnlyAsText() {
        Score s =
                WordMatcher.score(
                        TRUTH,
                        List.of(
                                new OcrWord("Hemoglobin", 100, 100, 200, 40, 0.9f),
                                new OcrWord("13:2", 400, 100, 80, 40, 0.9f),
                                // Right text, far from its truth box.
                                new OcrWord("g/dL", 900, 700, 80, 40, 0.9f)),
                        1);
        assertThat(s.matched()).isEqualTo(1);
        assertThat(s.textMatched()).isEqualTo(2);
        assertThat(s.accuracy()).isEqualTo(1 / 3.0);
        assertThat(s.precision()).isEqualTo(1 / 3.0);
    }

    @Test
    void iouMustExceedAHalf() {
        // Overlap 100x40 of a union 300x40: IoU 1/3.
        Score s =
                WordMatcher.score(
                        List.of(TRUTH.get(0)),
                        List.of(new OcrWord("Hemoglobin", 200, 100, 200, 40, 1f)),
                        1);
        assertThat(s.matched()).isZero();
    }

    @Test
    void oneOcrWordMatchesOneTruthWordOnly() {
        List<TruthWord> twice =
                List.of(
                        new TruthWord("mmol/L", 100, 100, 100, 40),
                        new TruthWord("mmol/L", 100, 102, 100, 40));
        Score s =
                WordMatcher.score(twice, List.of(new OcrWord("mmol/L", 100, 100, 100, 40, 1f)), 1);
        assertThat(s.matched()).isEqualTo(1);
        assertThat(s.textMatched()).isEqualTo(1);
    }

    @Test
    void scaleBringsPixelsToPoints() {
        // Truth in PDF points, OCR at 300 dpi.
        List<TruthWord> points = List.of(new TruthWord("Glucose", 72, 100, 48, 12));
        Score s =
                WordMatcher.score(
                        points, List.of(new OcrWord("Glucose", 300, 417, 200, 50, 1f)), 72 / 300.0);
        assertThat(s.matched()).isEqualTo(1);
    }

    @Test
    void scoresAddUp() {
        Score sum = new Score(3, 4, 2, 3).plus(new Score(1, 0, 0, 0));
        assertThat(sum).isEqualTo(new Score(4, 4, 2, 3));
        assertThat(sum.accuracy()).isEqualTo(0.5);
        assertThat(Score.ZERO.accuracy()).isZero();
    }
}
