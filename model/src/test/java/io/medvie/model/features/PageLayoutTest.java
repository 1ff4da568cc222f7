package io.medvie.model.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageLayoutTest {

    private static PageLayout.Word w(String text, double x, double y, double width, double height) {
        return new PageLayout.Word(text, x, y, width, height, x, y, 1f);
    }

    @Test
    void wordsOfOneRowFarApartShareALineAndSmallGlyphsJoinIt() {
        List<PageLayout.Word> words =
                List.of(
                        w("13.2", 1200, 102, 50, 20),
                        w("Hemoglobin", 100, 100, 140, 24),
                        w("-", 730, 111, 7, 3),
                        w("*", 1260, 100, 8, 8),
                        w("12.0", 690, 101, 35, 20),
                        w("16.0", 745, 101, 35, 20),
                        w("WBC", 100, 145, 60, 20),
                        w("   ", 300, 145, 60, 20),
                        w("7.1", 1200, 146, 40, 20));
        PageLayout.Indexed ix = PageLayout.of(0, 1600, 2200, words);
        PageLayout layout = ix.layout();
        assertThat(layout.lineCount()).isEqualTo(2);
        assertThat(layout.tokens().stream().map(LayoutToken::text))
                .containsExactly("Hemoglobin", "12.0", "-", "16.0", "13.2", "*", "WBC", "7.1");
        assertThat(layout.tokens().get(2).line()).isZero();
        assertThat(layout.tokens().get(7).line()).isEqualTo(1);
        assertThat(layout.tokens().get(7).indexInLine()).isEqualTo(1);
        // source indexes point back into the input
        assertThat(words.get(ix.source()[0]).text()).isEqualTo("Hemoglobin");
    }

    @Test
    void featuresAreDeterministicAndInRange() {
        List<PageLayout.Word> words =
                List.of(
                        w("Name:", 100, 100, 80, 20),
                        w("ANA", 200, 100, 60, 20),
                        w("5,100", 900, 140, 60, 20));
        PageLayout layout = PageLayout.of(0, 1000, 1000, words).layout();
        Featurizer f = new Featurizer(FeatureConfig.DEFAULT);
        PageFeatures a = f.features(layout);
        PageFeatures b = new Featurizer(FeatureConfig.DEFAULT).features(layout);
        assertThat(a.ids()).containsExactly(b.ids());
        assertThat(a.dense()).containsExactly(b.dense());
        assertThat(a.ids().length).isEqualTo(3 * FeatureConfig.DEFAULT.idsPerToken());
        for (int id : a.ids()) {
            assertThat(id).isBetween(0, FeatureConfig.DEFAULT.buckets() - 1);
        }
        for (float v : a.dense()) {
            assertThat(v).isBetween(0f, 1f);
        }
        int d = FeatureConfig.DENSE;
        // "ANA" follows a label ending with ':'
        assertThat(a.dense()[d + 22]).isEqualTo(1f);
        // "5,100" is a number
        assertThat(a.dense()[2 * d + 18]).isEqualTo(1f);
        assertThat(Featurizer.shape("Hemoglobin", 2)).isEqualTo("Xxx");
        assertThat(Featurizer.shape("13.2", 2)).isEqualTo("dd.d");
    }
}
