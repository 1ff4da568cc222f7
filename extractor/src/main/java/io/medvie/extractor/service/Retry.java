package io.medvie.extractor.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries transient failures with exponential backoff. */
public final class Retry {
    private static final Logger log = LoggerFactory.getLogger(Retry.class);

    private final int attempts;
    private final Duration initial;
    private final Duration max;

    public Retry(int attempts, Duration initial, Duration max) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.initial = initial;
        this.max = max;
    }

    /**
     * Calls {@code op} until it succeeds, a failure is not {@code transient}, or the attempts are
     * used up; the last failure is rethrown.
     */
    public <T> T call(String what, Callable<T> op, Predicate<Exception> isTransient)
            throws Exception {
        long delay = initial.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return op.call();
            } catch (Exception e) {
                if (!isTransient.test(e) || attempt >= attempts) {
                    throw e;
                }
                log.warn(
                        "{} failed (attempt {}/{}), retrying in {} ms: {}",
                        what,
                        attempt,
                        attempts,
                        delay,
                        e.toString());
                Thread.sleep(delay);
                delay = Math.min(max.toMillis(), delay * 2);
            }
        }
    }
}
