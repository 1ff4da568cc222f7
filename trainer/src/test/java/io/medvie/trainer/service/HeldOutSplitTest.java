package io.medvie.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {
    private static final List<String> IDS =
            IntStream.range(0, 5000).mapToObj(i -> "r-" + Integer.toHexString(i * 7919)).toList();

    @Test
    void holdsOutAboutTheConfiguredShare() {
        HeldOutSplit split = new HeldOutSplit(20);
        long held = IDS.stream().filter(split::heldOut).count();
        assertThat(held / (double) IDS.size()).isBetween(0.18, 0.22);
    }

    @Test
    void aReportIsAlwaysOnTheSameSideAndOnlyItsIdDecides() {
        HeldOutSplit a = new HeldOutSplit(20);
        HeldOutSplit b = new HeldOutSplit(20);
        for (String id : IDS.subList(0, 500)) {
            assertThat(a.heldOut(id)).isEqualTo(b.heldOut(id)).isEqualTo(a.heldOut(id));
        }
    }

    @Test
    void aLargerShareOnlyAddsReportsToTheHeldOutSide() {
        HeldOutSplit small = new HeldOutSplit(10);
        HeldOutSplit large = new HeldOutSplit(30);
        for (String id : IDS) {
            if (small.heldOut(id)) {
                assertThat(large.heldOut(id)).as(id).isTrue();
            }
        }
        assertThat(IDS.stream().filter(large::heldOut).count())
                .isGreaterThan(IDS.stream().filter(small::heldOut).count());
    }

    @Test
    void zeroAndHundredAreNoneAndAll() {
        assertThat(IDS.stream().noneMatch(new HeldOutSplit(0)::heldOut)).isTrue();
        assertThat(IDS.stream().allMatch(new HeldOutSplit(100)::heldOut)).isTrue();
        assertThatThrownBy(() -> new HeldOutSplit(101))
                .hasMessageContaining("held-out percent")
                .hasMessageContaining("101");
    }

    @Test
    void bucketIsTheHashOfTheIdModuloAHundred() {
        // The first 8 bytes of SHA-256 as an unsigned number, modulo 100, computed by another
        // route than the implementation (BigInteger instead of a long and remainderUnsigned).
        byte[] h = sha256("r-1");
        java.math.BigInteger first8 = new java.math.BigInteger(1, java.util.Arrays.copyOf(h, 8));
        assertThat(HeldOutSplit.bucket("r-1"))
                .isEqualTo(first8.mod(java.math.BigInteger.valueOf(100)).intValue());
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
