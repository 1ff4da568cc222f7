package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrientationTriggerTest {

    private static List<OcrWord> words(int count, float confidence, int width, int height) {
        List<OcrWord> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(new OcrWord("word" + i, i * 100, 0, width, height, confidence));
        }
        return words;
    }

    @Test
    void aConfidentReadingOfWideWordsIsTrusted() {
        assertThat(ScannedPageReader.looksPoor(words(40, 0.9f, 120, 30))).isFalse();
    }

    @Test
    void fewWordsLowConfidenceOrTallWordsCallForOrientationDetection() {
        assertThat(ScannedPageReader.looksPoor(words(3, 0.95f, 120, 30))).isTrue();
        assertThat(ScannedPageReader.looksPoor(words(40, 0.45f, 120, 30))).isTrue();
        // A sideways page read in Tesseract's own frame: words taller than wide.
        assertThat(ScannedPageReader.looksPoor(words(40, 0.9f, 30, 120))).isTrue();
    }

    @Test
    void evidenceCountsConfidentWordsOfTwoOrMoreCharacters() {
        List<OcrWord> words =
                List.of(
                        new OcrWord("Glucose", 0, 0, 10, 10, 0.9f),
                        new OcrWord("5.4", 0, 0, 10, 10, 0.8f),
                        new OcrWord("|", 0, 0, 10, 10, 0.99f));
        assertThat(ScannedPageReader.evidence(words))
                .isCloseTo(1.7, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ScannedPageReader.evidence(List.of())).isZero();
    }
}
