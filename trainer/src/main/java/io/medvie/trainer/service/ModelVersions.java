package io.medvie.trainer.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Version names of trained models, deterministic per round: {@code rl-r<round>-<hash>} where the
 * hash is the first 8 hex digits of SHA-256 over the round's sorted, distinct sample ids. A round
 * redone after a crash gets the same name, which is how a second publication is recognised.
 */
public final class ModelVersions {
    private ModelVersions() {}

    public static String of(int round, List<String> sampleIds) {
        if (round < 1) {
            throw new IllegalArgumentException("round must be >= 1, got " + round);
        }
        return "rl-r" + round + "-" + hash(sampleIds);
    }

    static String hash(List<String> sampleIds) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
        for (String id : new TreeSet<>(sampleIds)) {
            sha.update(id.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
    }
}
