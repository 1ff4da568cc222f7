package io.medvie.review.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per user name: after {@value #FREE_FAILURES} failed sign-ins in a row,
 * each further attempt must wait, twice as long after every failure, up to {@link #MAX_WAIT}. A
 * success clears the count. It is a delay, not a lockout, so that nobody can lock a colleague out
 * for good by typing wrong passwords under their name.
 */
public final class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    public static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> byName = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the user name must still wait before its password is checked; empty: go on. */
    public Optional<Duration> waitFor(String username) {
        Failures f = byName.get(Accounts.normalize(username));
        if (f == null || f.count() < FREE_FAILURES) {
            return Optional.empty();
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(f.count() - FREE_FAILURES, 10));
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(wait));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String username) {
        Instant now = clock.instant();
        byName.merge(
                Accounts.normalize(username),
                new Failures(1, now),
                (old, one) -> new Failures(old.count() + 1, now));
        if (byName.size() > 100_000) {
            // Made-up names must not grow this without bound: forget names quiet for half an hour.
            byName.values().removeIf(f -> f.last().isBefore(now.minus(MAX_WAIT.multipliedBy(2))));
        }
    }

    public void succeeded(String username) {
        byName.remove(Accounts.normalize(username));
    }
}
