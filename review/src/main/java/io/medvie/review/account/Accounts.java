package io.medvie.review.account;

import io.medvie.events.ReviewAccount;
import io.medvie.events.ReviewRole;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The review UI's accounts, as read from the compacted {@code medvie.review-accounts}: the latest
 * per user name. Passwords are kept only as BCrypt hashes (spring-security-crypto).
 */
public final class Accounts {
    /** BCrypt cost 10: about 60-100 ms per check on one core, which slows guessing enough. */
    private static final int BCRYPT_STRENGTH = 10;

    public static final int MIN_PASSWORD = 10;
    private static final String NAME_PATTERN = "[a-z0-9][a-z0-9_.@-]{0,63}";

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(BCRYPT_STRENGTH);
    private final Map<String, ReviewAccount> byName = new ConcurrentHashMap<>();

    /**
     * Checked against when the user is unknown, so that an unknown name takes as long as a wrong
     * password and does not tell which names exist.
     */
    private final String dummyHash = encoder.encode("not-a-password-of-anyone");

    /** Who is logged in. */
    public record Principal(String username, ReviewRole role) {
        public boolean isAdmin() {
            return role == ReviewRole.ADMIN;
        }
    }

    /** Takes an account record when it is at least as new as the one held. */
    public void apply(ReviewAccount account) {
        byName.merge(
                account.getUsername(),
                account,
                (old, fresh) -> fresh.getUpdatedAt().isBefore(old.getUpdatedAt()) ? old : fresh);
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public Optional<ReviewAccount> get(String username) {
        return Optional.ofNullable(byName.get(username));
    }

    /** Accounts by name, without their hashes. */
    public List<ReviewAccount> list() {
        return byName.values().stream()
                .sorted(Comparator.comparing(ReviewAccount::getUsername))
                .toList();
    }

    /** The principal when the name and password match an enabled account. */
    public Optional<Principal> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        ReviewAccount account = byName.get(normalize(username));
        if (account == null) {
            encoder.matches(password, dummyHash);
            return Optional.empty();
        }
        boolean ok = encoder.matches(password, account.getPasswordHash());
        if (!ok || account.getDisabled()) {
            return Optional.empty();
        }
        return Optional.of(new Principal(account.getUsername(), account.getRole()));
    }

    /**
     * A new or replaced account record, to be written; fails naming what is wrong with the name or
     * the password.
     */
    public ReviewAccount draft(
            String username, ReviewRole role, String password, String by, Instant now) {
        String name = normalize(username);
        if (!name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException(
                    "User name must be 1-64 lower-case letters, digits or _.@- : " + username);
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException(
                    "Password must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            // BCrypt reads only the first 72 bytes: longer would silently accept a prefix.
            throw new IllegalArgumentException("Password must have at most 72 bytes");
        }
        Instant at = Instant.ofEpochMilli(now.toEpochMilli());
        ReviewAccount existing = byName.get(name);
        return ReviewAccount.newBuilder()
                .setUsername(name)
                .setRole(role)
                .setPasswordHash(encoder.encode(password))
                .setDisabled(false)
                .setCreatedAt(existing == null ? at : existing.getCreatedAt())
                .setUpdatedAt(at)
                .setUpdatedBy(by)
                .build();
    }

    /** The account record with {@code disabled} set, to be written; the password stays. */
    public ReviewAccount withDisabled(String username, boolean disabled, String by, Instant now) {
        ReviewAccount existing = byName.get(normalize(username));
        if (existing == null) {
            throw new NoSuchElementException("no account " + safeName(username));
        }
        return ReviewAccount.newBuilder(existing)
                .setDisabled(disabled)
                .setUpdatedAt(Instant.ofEpochMilli(now.toEpochMilli()))
                .setUpdatedBy(by)
                .build();
    }

    /** User names are compared in lower case: "Anna" and "anna" are one account. */
    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A name fit for logs and audit events, whatever was typed into the login form. */
    public static String safeName(String username) {
        String name = normalize(username);
        return name.matches(NAME_PATTERN) ? name : "(invalid)";
    }
}
