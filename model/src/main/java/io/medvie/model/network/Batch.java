package io.medvie.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.medvie.model.features.PageFeatures;
import java.util.List;

/**
 * Pages packed into padded arrays for the tagger. The arrays belong to the manager given to {@link
 * #of}; close that manager (a per-call scope) to free them.
 *
 * @param inputs the network inputs: ids, dense, reverse index
 * @param mask {@code [B, T]} float32, 1 on real tokens and 0 on padding
 * @param lengths tokens per page
 */
public record Batch(NDList inputs, NDArray mask, int[] lengths) {

    /** Sequence widths are multiples of this. */
    public static final int BUCKET = 64;

    /** Packs pages (each at least one token; empty pages get one padding position). */
    public static Batch of(
            NDManager manager, List<PageFeatures> pages, int idsPerToken, int dense) {
        int b = pages.size();
        if (b == 0) {
            throw new IllegalArgumentException("a batch needs at least one page");
        }
        int longest = 1;
        int[] lengths = new int[b];
        for (int i = 0; i < b; i++) {
            lengths[i] = pages.get(i).length();
            longest = Math.max(longest, lengths[i]);
        }
        // Widths rounded up to a multiple of BUCKET: the CPU kernels prepare themselves per shape,
        // and a new shape on every page costs more than the padding.
        int t = (longest + BUCKET - 1) / BUCKET * BUCKET;
        long[] ids = new long[b * t * idsPerToken];
        float[] features = new float[b * t * dense];
        long[] reverse = new long[b * t];
        float[] mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            PageFeatures p = pages.get(i);
            int n = lengths[i];
            int[] pid = p.ids();
            for (int j = 0; j < n * idsPerToken; j++) {
                ids[i * t * idsPerToken + j] = pid[j];
            }
            System.arraycopy(p.dense(), 0, features, i * t * dense, n * dense);
            for (int j = 0; j < t; j++) {
                reverse[i * t + j] = j < n ? n - 1 - j : j;
                mask[i * t + j] = j < n ? 1 : 0;
            }
        }
        NDList inputs =
                new NDList(
                        manager.create(ids, new Shape(b, t, idsPerToken)),
                        manager.create(features, new Shape(b, t, dense)),
                        manager.create(reverse, new Shape(b, t)));
        return new Batch(inputs, manager.create(mask, new Shape(b, t)), lengths);
    }

    public int size() {
        return lengths.length;
    }

    /** Padded sequence length T. */
    public int width() {
        return (int) mask.getShape().get(1);
    }
}
