package io.medvie.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelVersionsTest {

    @Test
    void namesTheRoundAndHashesTheSortedDistinctSampleIds() {
        String v = ModelVersions.of(3, List.of("r-b", "r-a", "r-c"));
        assertThat(v).matches("rl-r3-[0-9a-f]{8}");
        assertThat(ModelVersions.of(3, List.of("r-a", "r-c", "r-b", "r-a"))).isEqualTo(v);
        // SHA-256 of "r-a\nr-b\nr-c\n", computed independently of the implementation.
        assertThat(v).isEqualTo("rl-r3-" + sha256("r-a\nr-b\nr-c\n").substring(0, 8));
    }

    @Test
    void anotherRoundOrAnotherSampleGivesAnotherVersion() {
        String v = ModelVersions.of(3, List.of("r-a", "r-b"));
        assertThat(ModelVersions.of(4, List.of("r-a", "r-b"))).isNotEqualTo(v);
        assertThat(ModelVersions.of(3, List.of("r-a", "r-b", "r-c"))).isNotEqualTo(v);
        assertThatThrownBy(() -> ModelVersions.of(0, List.of("r-a"))).hasMessageContaining("round");
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
