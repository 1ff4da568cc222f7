package io.medvie.model.network;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import io.medvie.model.decode.TagSet;
import io.medvie.model.features.FeatureConfig;
import io.medvie.model.features.Featurizer;
import io.medvie.model.features.PageFeatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The word tagger: a DJL model (PyTorch engine) with its feature and label configuration.
 *
 * <p>Thread-safety: the parameters are only read after training, so any number of threads may
 * predict at once, each through its own {@link TaggerPredictor} ({@link #newPredictor()}). Training
 * (SFT or RL) uses {@link #model()} with a DJL {@code Trainer} and {@link #forward}.
 */
public final class Tagger implements AutoCloseable {

    public static final String ENGINE = "PyTorch";

    private final Model model;
    private final TaggerBlock block;
    private final FeatureConfig features;
    private final TagSet tags;
    private final Featurizer featurizer;

    private Tagger(Model model, TaggerBlock block, FeatureConfig features, TagSet tags) {
        this.model = model;
        this.block = block;
        this.features = features;
        this.tags = tags;
        this.featurizer = new Featurizer(features);
    }

    /**
     * A new tagger with freshly initialised parameters. The engine's random seed is set to {@code
     * seed} first, so the same seed gives the same parameters.
     */
    public static Tagger create(
            TaggerConfig config, FeatureConfig features, TagSet tags, Device device, int seed) {
        EngineThreads.defaultTo(1);
        Engine.getEngine(ENGINE).setRandomSeed(seed);
        TaggerBlock block = new TaggerBlock(config, features.buckets(), tags.size());
        Model model = Model.newInstance("medvie-tagger", device, ENGINE);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes(features));
        return new Tagger(model, block, features, tags);
    }

    /** A tagger with the parameters written by {@link #parameters()}. */
    public static Tagger load(
            TaggerConfig config,
            FeatureConfig features,
            TagSet tags,
            Device device,
            byte[] parameters)
            throws MalformedModelException {
        EngineThreads.defaultTo(1);
        TaggerBlock block = new TaggerBlock(config, features.buckets(), tags.size());
        Model model = Model.newInstance("medvie-tagger", device, ENGINE);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes(features));
        try {
            block.loadParameters(
                    model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (IOException e) {
            model.close();
            throw new MalformedModelException("cannot read the tagger parameters: " + e, e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        // Loaded arrays come without the gradient flag initialisation sets; a loaded model must be
        // trainable (RL starts from an SFT artifact).
        block.getParameters()
                .values()
                .forEach(
                        p -> {
                            if (p.requiresGradient()) {
                                p.getArray().setRequiresGradient(true);
                            }
                        });
        return new Tagger(model, block, features, tags);
    }

    /** Shapes for initialisation: one page of one token. */
    public static Shape[] inputShapes(FeatureConfig features) {
        return new Shape[] {
            new Shape(1, 1, features.idsPerToken()),
            new Shape(1, 1, features.denseSize()),
            new Shape(1, 1)
        };
    }

    /** The parameters in DJL's format, as stored in the artifact. */
    public byte[] parameters() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            block.saveParameters(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Copies this tagger's parameters into a new, independent tagger (e.g. a frozen reference). */
    public Tagger copy() {
        try {
            return load(
                    block.config(), features, tags, model.getNDManager().getDevice(), parameters());
        } catch (MalformedModelException e) {
            throw new IllegalStateException("own parameters did not load back", e);
        }
    }

    /**
     * Overwrites this tagger's parameters with ones written by {@link #parameters()} of a tagger of
     * the same configuration (keeping the best epoch or step, resuming from a checkpoint).
     */
    public void restore(byte[] parameters) {
        try (Tagger copy =
                load(
                        block.config(),
                        features,
                        tags,
                        model.getNDManager().getDevice(),
                        parameters)) {
            ParameterList from = copy.block.getParameters();
            ParameterList to = block.getParameters();
            if (from.size() != to.size()) {
                throw new IllegalArgumentException(
                        "parameters of another network: " + from.size() + " != " + to.size());
            }
            for (int i = 0; i < from.size(); i++) {
                to.get(i)
                        .getValue()
                        .getArray()
                        .set(from.get(i).getValue().getArray().toByteBuffer());
            }
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("cannot read the parameters: " + e.getMessage(), e);
        }
    }

    public Model model() {
        return model;
    }

    public TaggerBlock block() {
        return block;
    }

    public TaggerConfig config() {
        return block.config();
    }

    public FeatureConfig featureConfig() {
        return features;
    }

    public Featurizer featurizer() {
        return featurizer;
    }

    public TagSet tags() {
        return tags;
    }

    public Device device() {
        return model.getNDManager().getDevice();
    }

    /** Packs pages into a batch whose arrays belong to {@code manager}. */
    public Batch batch(NDManager manager, List<PageFeatures> pages) {
        return Batch.of(manager, pages, features.idsPerToken(), features.denseSize());
    }

    /**
     * Logits {@code [B, T, labels]}. With {@code training} true dropout is on and, inside a
     * gradient collector, gradients flow to the parameters.
     */
    public NDArray forward(ParameterStore store, Batch batch, boolean training) {
        NDList out = block.forward(store, batch.inputs(), training);
        return out.singletonOrThrow();
    }

    /** A predictor for the calling thread. */
    public TaggerPredictor newPredictor() {
        return new TaggerPredictor(this);
    }

    /** The default device: the first GPU when the engine sees one, else the CPU. */
    public static Device defaultDevice() {
        EngineThreads.defaultTo(1);
        Engine engine = Engine.getEngine(ENGINE);
        return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    @Override
    public void close() {
        model.close();
    }
}
