package io.medvie.schemas.registry.server;

import static io.medvie.schemas.registry.server.TestSchemas.ID_AS_INT;
import static io.medvie.schemas.registry.server.TestSchemas.V1;
import static io.medvie.schemas.registry.server.TestSchemas.V2_NO_DEFAULT;
import static io.medvie.schemas.registry.server.TestSchemas.V2_WITH_DEFAULT;
import static io.medvie.schemas.registry.server.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.schemas.registry.CompatibilityLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroCompatibilityTest {

    private static List<String> check(
            CompatibilityLevel level, String candidate, String... earlier) {
        return AvroCompatibility.incompatibilities(
                level,
                parse(candidate),
                java.util.Arrays.stream(earlier).map(TestSchemas::parse).toList());
    }

    @Test
    void addingAFieldWithADefaultIsFullyCompatible() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(check(level, V2_WITH_DEFAULT, V1)).as(level.name()).isEmpty();
        }
    }

    @Test
    void addingAFieldWithoutDefaultIsForwardButNotBackward() {
        assertThat(check(CompatibilityLevel.BACKWARD, V2_NO_DEFAULT, V1))
                .singleElement()
                .asString()
                .startsWith("BACKWARD: READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("unit");
        assertThat(check(CompatibilityLevel.FORWARD, V2_NO_DEFAULT, V1)).isEmpty();
        assertThat(check(CompatibilityLevel.FULL, V2_NO_DEFAULT, V1)).hasSize(1);
    }

    @Test
    void removingAFieldWithoutDefaultIsBackwardButNotForward() {
        assertThat(check(CompatibilityLevel.BACKWARD, V1, V2_NO_DEFAULT)).isEmpty();
        assertThat(check(CompatibilityLevel.FORWARD, V1, V2_NO_DEFAULT))
                .singleElement()
                .asString()
                .startsWith("FORWARD:");
    }

    @Test
    void noneAcceptsAnything() {
        assertThat(check(CompatibilityLevel.NONE, ID_AS_INT, V1)).isEmpty();
    }

    @Test
    void aNewSubjectAcceptsAnything() {
        assertThat(check(CompatibilityLevel.FULL_TRANSITIVE, ID_AS_INT)).isEmpty();
    }

    @Test
    void onlyTransitiveLevelsLookPastTheLatestVersion() {
        // ID_AS_INT was once registered (under NONE); the latest is V1 again.
        assertThat(check(CompatibilityLevel.BACKWARD, V2_WITH_DEFAULT, ID_AS_INT, V1)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD_TRANSITIVE, V2_WITH_DEFAULT, ID_AS_INT, V1))
                .singleElement()
                .asString()
                .contains("TYPE_MISMATCH");
        assertThat(check(CompatibilityLevel.FORWARD_TRANSITIVE, V2_WITH_DEFAULT, ID_AS_INT, V1))
                .isNotEmpty();
    }
}
