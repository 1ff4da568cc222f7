package io.medvie.ingest.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens, stored only as their SHA-256, one per line: {@code name:role:sha256hex}.
 *
 * <p>A plain hash is the right tool here, unlike for passwords: tokens are 256 random bits that
 * nobody chose, so there is nothing for a slow, salted hash to protect against a dictionary.
 * Lookups go by hash, so comparing never depends on how much of a secret matched.
 */
public final class TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_PREFIX = "mv_";

    private final Path file;
    private final Map<String, Principal> byHash = new ConcurrentHashMap<>();

    /** Who a token belongs to. */
    public record Principal(String name, Role role) {}

    private TokenStore(Path file) {
        this.file = file;
    }

    /** Loads the tokens file, creating an empty one when missing. */
    public static TokenStore open(Path file) {
        TokenStore store = new TokenStore(file);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (!Files.exists(file)) {
                Files.writeString(file, "# name:role:sha256 of the token\n");
            }
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split(":");
                if (parts.length != 3 || !parts[2].matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException(
                            "Tokens file "
                                    + file
                                    + " line "
                                    + lineNo
                                    + ": expected name:role:sha256hex");
                }
                store.byHash.put(parts[2], new Principal(parts[0], parseRole(parts[1], file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokens file " + file, e);
        }
        return store;
    }

    /**
     * Creates a token, appends its hash to the file, and returns the token itself: the only time it
     * is ever seen.
     */
    public synchronized String create(String name, Role role) {
        if (!name.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new IllegalArgumentException(
                    "Token name must be 1-64 letters, digits or _.@- : " + name);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token =
                TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = hash(token);
        try {
            Files.writeString(
                    file,
                    name + ":" + role.name().toLowerCase(Locale.ROOT) + ":" + hash + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write tokens file " + file, e);
        }
        byHash.put(hash, new Principal(name, role));
        return token;
    }

    /** The principal of a presented token, if it is one of ours. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(token.strip())));
    }

    public List<Principal> principals() {
        return new ArrayList<>(byHash.values());
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Role parseRole(String value, Path file) {
        try {
            return Role.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Tokens file " + file + ": unknown role '" + value + "' (submitter or admin)",
                    e);
        }
    }
}
