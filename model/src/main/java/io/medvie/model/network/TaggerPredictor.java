package io.medvie.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.medvie.model.decode.TaggedPage;
import io.medvie.model.features.PageFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicts the labels of pages. One per thread (it is not thread-safe); every call runs in its own
 * NDManager scope, closed before it returns, so no native memory outlives a call.
 */
public final class TaggerPredictor implements AutoCloseable {

    private final Tagger tagger;

    TaggerPredictor(Tagger tagger) {
        this.tagger = tagger;
    }

    /** The most likely label of each token of each page, with its probability. */
    public List<TaggedPage> predict(List<PageFeatures> pages) {
        List<TaggedPage> out = new ArrayList<>(pages.size());
        List<PageFeatures> nonEmpty = new ArrayList<>();
        for (PageFeatures p : pages) {
            if (p.length() > 0) {
                nonEmpty.add(p);
            }
        }
        List<TaggedPage> tagged = new ArrayList<>();
        if (!nonEmpty.isEmpty()) {
            try (NDManager scope = tagger.model().getNDManager().newSubManager()) {
                Batch batch = tagger.batch(scope, nonEmpty);
                NDArray logits = tagger.forward(new ParameterStore(scope, false), batch, false);
                NDArray[] best = Policy.argMax(logits);
                long[] labels = best[0].toLongArray();
                float[] probs = best[1].toFloatArray();
                int width = batch.width();
                for (int i = 0; i < nonEmpty.size(); i++) {
                    int n = nonEmpty.get(i).length();
                    int[] l = new int[n];
                    float[] p = new float[n];
                    for (int j = 0; j < n; j++) {
                        l[j] = (int) labels[i * width + j];
                        p[j] = probs[i * width + j];
                    }
                    tagged.add(new TaggedPage(nonEmpty.get(i).layout(), l, p));
                }
            }
        }
        int k = 0;
        for (PageFeatures p : pages) {
            out.add(
                    p.length() > 0
                            ? tagged.get(k++)
                            : new TaggedPage(p.layout(), new int[0], new float[0]));
        }
        return out;
    }

    @Override
    public void close() {
        // Nothing held between calls; here so callers can scope a predictor like DJL's.
    }
}
