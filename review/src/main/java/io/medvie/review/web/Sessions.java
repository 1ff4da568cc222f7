package io.medvie.review.web;

import io.medvie.review.account.Accounts.Principal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions, in memory: a restart logs everyone out, which costs a login and keeps no
 * session secret anywhere on disk or in Kafka.
 *
 * <p>Every session, signed in or not, carries its own CSRF token (the synchronizer token pattern):
 * a state-changing request must send it back, in the {@value #CSRF_HEADER} header or the {@value
 * #CSRF_FIELD} form field. A page of another site can make the browser send our cookie but cannot
 * read the token. Signing in replaces the session (new id, new token), so an id planted before
 * login is worth nothing after it.
 */
public final class Sessions {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    /** Anonymous sessions (the login form's) are short and few. */
    private static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(15);

    private static final int MAX_SESSIONS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One session; {@code principal} is empty before login. */
    public static final class Session {
        private final String id;
        private final String csrf;
        private final Optional<Principal> principal;
        private volatile Instant lastSeen;

        private Session(String id, Optional<Principal> principal, Instant now) {
            this.id = id;
            this.csrf = token();
            this.principal = principal;
            this.lastSeen = now;
        }

        public String id() {
            return id;
        }

        public String csrf() {
            return csrf;
        }

        public Optional<Principal> principal() {
            return principal;
        }

        /** Compares in constant time, so the answer's timing says nothing of the token. */
        public boolean csrfMatches(String presented) {
            return presented != null
                    && MessageDigest.isEqual(
                            csrf.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    public Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    public Duration idle() {
        return idle;
    }

    /** The live session with this id, touched; expired ones are removed. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** A fresh session before login, to carry the login form's CSRF token. */
    public Session anonymous() {
        return create(Optional.empty());
    }

    /** Replaces {@code previous} (may be null) with a signed-in session. */
    public Session signIn(Principal principal, String previousId) {
        if (previousId != null) {
            byId.remove(previousId);
        }
        return create(Optional.of(principal));
    }

    public void signOut(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Ends every session of a user, e.g. after their password or role changed. */
    public void signOutUser(String username) {
        byId.values()
                .removeIf(s -> s.principal.map(p -> p.username().equals(username)).orElse(false));
    }

    /** Ends every session of the user but {@code keepId} (after a password change there). */
    public void signOutUserExcept(String username, String keepId) {
        byId.values()
                .removeIf(
                        s ->
                                !s.id.equals(keepId)
                                        && s.principal
                                                .map(p -> p.username().equals(username))
                                                .orElse(false));
    }

    public int size() {
        return byId.size();
    }

    private Session create(Optional<Principal> principal) {
        Instant now = clock.instant();
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().removeIf(s -> expired(s, now));
            if (byId.size() >= MAX_SESSIONS) {
                // Only anonymous sessions can pile up without a password: drop those first.
                byId.values().removeIf(s -> s.principal.isEmpty());
            }
        }
        Session session = new Session(token(), principal, now);
        byId.put(session.id, session);
        return session;
    }

    private boolean expired(Session s, Instant now) {
        Duration limit = s.principal.isPresent() ? idle : ANONYMOUS_IDLE;
        return s.lastSeen.plus(limit).isBefore(now);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
