package io.medvie.model.network;

import io.medvie.model.features.Featurizer;
import io.medvie.model.features.PageFeatures;
import io.medvie.model.features.PageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small random pages for network tests. */
final class TestPages {

    private TestPages() {}

    static PageFeatures page(Featurizer featurizer, int tokens, long seed) {
        Random r = new Random(seed);
        List<PageLayout.Word> words = new ArrayList<>();
        String[] vocab = {"Hemoglobin", "13.2", "g/dL", "12-16", "Name:", "ANA", "H", "WBC", "7,1"};
        for (int i = 0; i < tokens; i++) {
            double x = (i % 6) * 150 + r.nextInt(20);
            double y = (i / 6) * 40 + r.nextInt(5);
            words.add(
                    new PageLayout.Word(vocab[r.nextInt(vocab.length)], x, y, 90, 22, x, y, 0.9f));
        }
        return featurizer.features(PageLayout.of(0, 1000, 1400, words).layout());
    }
}
