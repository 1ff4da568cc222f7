package io.medvie.model.network;

/**
 * PyTorch's CPU thread settings, read once when the engine starts.
 *
 * <p>Measured on 2 shared cores (docs/model.md): with PyTorch's default (one intra-op thread per
 * core) a page took 150-400 ms to tag whenever other processes were busy, as its OpenMP threads
 * wait on each other; with one thread, 2-16 ms. So inference runs one PyTorch thread per calling
 * thread and scales by running pages on several threads. Training may ask for more.
 */
public final class EngineThreads {

    static final String INTRA = "ai.djl.pytorch.num_threads";
    static final String INTER = "ai.djl.pytorch.num_interop_threads";

    private EngineThreads() {}

    /**
     * Sets the intra-op thread count unless already set (by {@code -D} or an earlier call); takes
     * effect only before the engine's first use.
     */
    public static void defaultTo(int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(
                    "PyTorch threads must be >= 1, got " + intraOpThreads);
        }
        if (System.getProperty(INTRA) == null) {
            System.setProperty(INTRA, Integer.toString(intraOpThreads));
        }
        if (System.getProperty(INTER) == null) {
            System.setProperty(INTER, "1");
        }
    }
}
