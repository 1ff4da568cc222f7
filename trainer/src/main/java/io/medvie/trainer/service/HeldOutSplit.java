package io.medvie.trainer.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which verified samples are held out for the gate: a fixed share chosen by a hash of the report
 * id, so the same report is on the same side in every round, after every restart and in every
 * trainer instance, and a held-out report is never trained on.
 *
 * @param percent share held out, 0 to 100
 */
public record HeldOutSplit(int percent) {

    public HeldOutSplit {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("held-out percent must be 0 to 100, got " + percent);
        }
    }

    public boolean heldOut(String reportId) {
        return bucket(reportId) < percent;
    }

    /** The report's bucket, 0 to 99: the first 8 bytes of SHA-256(reportId) modulo 100. */
    static int bucket(String reportId) {
        byte[] h;
        try {
            h =
                    MessageDigest.getInstance("SHA-256")
                            .digest(reportId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(v, 100);
    }
}
