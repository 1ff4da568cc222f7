package io.medvie.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of worker threads, each owning one {@link TesseractOcr} for its whole life, so OCR
 * runs in parallel without sharing an engine. Jobs queue in submission order.
 */
public final class OcrPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OcrPool.class);

    /** Work that needs the worker's engine. */
    @FunctionalInterface
    public interface Job<T> {
        T run(TesseractOcr ocr) throws Exception;
    }

    private record Task<T>(Job<T> job, CompletableFuture<T> result) {
        void runWith(TesseractOcr ocr) {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(job.run(ocr));
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    private static final Task<Void> STOP = new Task<>(ocr -> null, new CompletableFuture<>());

    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    /** A pool with one worker per available processor and default engines. */
    public OcrPool() {
        this(Runtime.getRuntime().availableProcessors(), TesseractOcr::create);
    }

    /**
     * @param threads number of workers, at least 1
     * @param engines makes one engine per worker, called on that worker's thread
     */
    public OcrPool(int threads, Supplier<TesseractOcr> engines) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "OcrPool threads must be at least 1, got " + threads);
        }
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> work(engines), "ocr-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        LOG.info("OCR pool started with {} workers", threads);
    }

    public int size() {
        return workers.size();
    }

    /** Runs a job on a worker with its engine. */
    public <T> CompletableFuture<T> submit(Job<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("OcrPool is closed"));
            return result;
        }
        queue.add(new Task<>(job, result));
        return result;
    }

    /** Reads a document on a worker with {@code reader}. */
    public CompletableFuture<List<Page>> read(PageReader reader, byte[] bytes, String mediaType) {
        return submit(ocr -> reader.read(bytes, mediaType, ocr));
    }

    private void work(Supplier<TesseractOcr> engines) {
        TesseractOcr ocr;
        try {
            ocr = engines.get();
        } catch (RuntimeException | Error e) {
            LOG.error(
                    "OCR worker {} could not create its engine",
                    Thread.currentThread().getName(),
                    e);
            failQueued(e);
            return;
        }
        try (ocr) {
            while (true) {
                Task<?> task = queue.take();
                if (task == STOP) {
                    return;
                }
                task.runWith(ocr);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failQueued(Throwable cause) {
        Task<?> task;
        while ((task = queue.poll()) != null) {
            if (task == STOP) {
                queue.add(STOP);
                return;
            }
            task.result().completeExceptionally(cause);
        }
    }

    /** Lets queued jobs finish, then stops the workers and closes their engines. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < workers.size(); i++) {
            queue.add(STOP);
        }
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.MINUTES.toMillis(5));
                if (worker.isAlive()) {
                    LOG.warn("OCR worker {} still busy after 5 minutes", worker.getName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
