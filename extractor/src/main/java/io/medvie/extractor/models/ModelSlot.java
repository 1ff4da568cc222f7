package io.medvie.extractor.models;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the model in use and swaps it atomically. A batch {@link #acquire() acquires} the current
 * model and keeps it to the end even if a new one arrives meanwhile; a replaced model is closed
 * when its last batch releases it.
 */
public final class ModelSlot<M extends AutoCloseable> {
    private static final Logger log = LoggerFactory.getLogger(ModelSlot.class);

    private final AtomicReference<Handle<M>> current = new AtomicReference<>();
    private final java.util.function.Consumer<String> onSwap;

    public ModelSlot() {
        this(version -> {});
    }

    /** A slot that tells {@code onSwap} each version put in use (for metrics). */
    public ModelSlot(java.util.function.Consumer<String> onSwap) {
        this.onSwap = onSwap;
    }

    /** A model with its version, counted while batches use it. */
    public static final class Handle<M extends AutoCloseable> implements AutoCloseable {
        private final M model;
        private final String version;
        // One reference belongs to the slot itself until the model is replaced.
        private final AtomicInteger refs = new AtomicInteger(1);

        Handle(M model, String version) {
            this.model = model;
            this.version = version;
        }

        public M model() {
            return model;
        }

        public String version() {
            return version;
        }

        boolean retain() {
            while (true) {
                int n = refs.get();
                if (n == 0) {
                    return false;
                }
                if (refs.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        /** Releases this batch's use of the model. */
        @Override
        public void close() {
            if (refs.decrementAndGet() == 0) {
                try {
                    model.close();
                    log.info("Model {} closed after its last batch", version);
                } catch (Exception e) {
                    log.warn("Closing model {} failed", version, e);
                }
            }
        }
    }

    /** Puts a model in use; the one before it is closed once no batch uses it. */
    public void swap(M model, String version) {
        Handle<M> old = current.getAndSet(new Handle<>(model, version));
        onSwap.accept(version);
        if (old != null) {
            log.info("Model {} replaced by {}", old.version(), version);
            old.close();
        }
    }

    /** The model in use, retained until the returned handle is closed; null when none yet. */
    public Handle<M> acquire() {
        while (true) {
            Handle<M> h = current.get();
            if (h == null) {
                return null;
            }
            if (h.retain()) {
                return h;
            }
        }
    }

    public String version() {
        Handle<M> h = current.get();
        return h == null ? null : h.version();
    }

    /** Closes the model in use (at shutdown). */
    public void close() {
        Handle<M> old = current.getAndSet(null);
        if (old != null) {
            old.close();
        }
    }
}
