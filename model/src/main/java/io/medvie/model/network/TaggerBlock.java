package io.medvie.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The tagger network: per token, the mean of the embeddings of its hashed ids joined with a
 * projection of its dense layout features, a dense layer, then a left-to-right LSTM and a
 * right-to-left LSTM over the page's tokens in reading order, and a linear layer to the label
 * logits.
 *
 * <p>Two unidirectional LSTMs rather than DJL's bidirectional one, which gives wrong results with
 * biases (STACK.md). The right-to-left one runs on each sequence reversed within its own length, so
 * padding at the end of a short page never reaches its real tokens: a page gets the same logits
 * alone or in a batch.
 *
 * <p>Inputs: ids {@code [B, T, K]} int64 (0 = padding), dense {@code [B, T, F]} float32, reverse
 * index {@code [B, T]} int64 (for position t of sequence b: {@code len_b - 1 - t} inside the
 * sequence, t outside). Output: logits {@code [B, T, labels]}.
 */
public final class TaggerBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaggerConfig config;
    private final int labels;
    private final Parameter embedding;
    private final Linear layoutProjection;
    private final Linear hidden;
    private final Dropout dropout;
    private final LSTM forwardLstm;
    private final LSTM backwardLstm;
    private final Linear output;

    public TaggerBlock(TaggerConfig config, int buckets, int labels) {
        super(VERSION);
        this.config = config;
        this.labels = labels;
        this.embedding =
                addParameter(
                        Parameter.builder()
                                .setName("embedding")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(buckets, config.embedding()))
                                .optInitializer(new NormalInitializer(0.1f))
                                .build());
        this.layoutProjection =
                addChildBlock("layout", Linear.builder().setUnits(config.layout()).build());
        this.hidden = addChildBlock("hidden", Linear.builder().setUnits(config.hidden()).build());
        this.dropout =
                addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        this.forwardLstm =
                addChildBlock(
                        "lstm_fwd",
                        LSTM.builder()
                                .setStateSize(config.lstm())
                                .setNumLayers(1)
                                .optBatchFirst(true)
                                .optReturnState(false)
                                .build());
        this.backwardLstm =
                addChildBlock(
                        "lstm_bwd",
                        LSTM.builder()
                                .setStateSize(config.lstm())
                                .setNumLayers(1)
                                .optBatchFirst(true)
                                .optReturnState(false)
                                .build());
        this.output = addChildBlock("output", Linear.builder().setUnits(labels).build());
    }

    public TaggerConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray dense = inputs.get(1);
        NDArray reverse = inputs.get(2);
        NDArray weight = store.getValue(embedding, ids.getDevice(), training);

        NDArray idMask = ids.gt(0).toType(DataType.FLOAT32, false).expandDims(3);
        NDArray vectors =
                ids.getNDArrayInternal()
                        .embedding(ids, weight, SparseFormat.DENSE)
                        .singletonOrThrow();
        NDArray bag =
                vectors.mul(idMask).sum(new int[] {2}).div(idMask.sum(new int[] {2}).add(1e-6f));

        NDArray layout =
                Activation.relu(
                        layoutProjection
                                .forward(store, new NDList(dense), training)
                                .singletonOrThrow());
        NDArray joined = bag.concat(layout, 2);
        NDArray h =
                Activation.relu(
                        hidden.forward(store, new NDList(joined), training).singletonOrThrow());
        h = dropout.forward(store, new NDList(h), training).singletonOrThrow();

        NDArray left = forwardLstm.forward(store, new NDList(h), training).singletonOrThrow();
        NDArray reversed = reverse(h, reverse);
        NDArray right =
                reverse(
                        backwardLstm
                                .forward(store, new NDList(reversed), training)
                                .singletonOrThrow(),
                        reverse);
        NDArray context = left.concat(right, 2).concat(h, 2);
        context = dropout.forward(store, new NDList(context), training).singletonOrThrow();
        return output.forward(store, new NDList(context), training);
    }

    /** Reverses each sequence within its length: {@code out[b, t] = x[b, index[b, t]]}. */
    private static NDArray reverse(NDArray x, NDArray index) {
        Shape s = x.getShape();
        NDArray full = index.expandDims(2).broadcast(s);
        return x.gather(full, 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), labels)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        Shape dense = inputShapes[1];
        long b = ids.get(0);
        long t = ids.get(1);
        layoutProjection.initialize(manager, dataType, dense);
        hidden.initialize(manager, dataType, new Shape(b, t, config.embedding() + config.layout()));
        dropout.initialize(manager, dataType, new Shape(b, t, config.hidden()));
        forwardLstm.initialize(manager, dataType, new Shape(b, t, config.hidden()));
        backwardLstm.initialize(manager, dataType, new Shape(b, t, config.hidden()));
        output.initialize(manager, dataType, new Shape(b, t, 2L * config.lstm() + config.hidden()));
    }
}
