package io.medvie.schemas.registry.server;

import static io.medvie.schemas.registry.server.TestSchemas.ID_AS_INT;
import static io.medvie.schemas.registry.server.TestSchemas.V1;
import static io.medvie.schemas.registry.server.TestSchemas.V2_NO_DEFAULT;
import static io.medvie.schemas.registry.server.TestSchemas.V2_WITH_DEFAULT;
import static io.medvie.schemas.registry.server.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.schemas.registry.CompatibilityLevel;
import io.medvie.schemas.registry.RegisteredSchema;
import io.medvie.schemas.registry.SchemaRegistryException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryStateTest {
    private final RegistryState state = new RegistryState();

    /** Registers as the service does: decide, then apply the record the log would hold. */
    private int register(String subject, String schema) {
        RegistryState.Registration registration = state.register(subject, parse(schema));
        if (registration instanceof RegistryState.Registration.Existing existing) {
            return existing.schema().id();
        }
        LogRecord.SchemaVersion record = ((RegistryState.Registration.New) registration).record();
        state.apply(record);
        return record.id();
    }

    private static void assertRegistryError(Runnable call, int status, int errorCode) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(status);
                            assertThat(e.errorCode()).isEqualTo(errorCode);
                        });
    }

    @Test
    void theSameSchemaTwiceGetsTheSameIdAndVersion() {
        int first = register("s", V1);
        // Whitespace and attribute order do not make another schema.
        int again =
                register(
                        "s",
                        "{ \"namespace\":\"t\", \"name\":\"Reading\", \"type\":\"record\","
                                + " \"fields\":[{\"type\":\"string\",\"name\":\"id\"}]}");

        assertThat(again).isEqualTo(first).isEqualTo(1);
        assertThat(state.versions("s")).containsExactly(1);
    }

    @Test
    void theSameSchemaUnderAnotherSubjectKeepsItsId() {
        int inS = register("s", V1);
        int other = register("other", V2_WITH_DEFAULT);
        int inT = register("t", V1);

        assertThat(inT).isEqualTo(inS);
        assertThat(other).isNotEqualTo(inS);
        assertThat(state.version("t", 1).id()).isEqualTo(inS);
    }

    @Test
    void versionsCountPerSubjectAndIdsAcrossTheRegistry() {
        register("a", V1);
        register("b", ID_AS_INT);
        int id = register("a", V2_WITH_DEFAULT);

        RegisteredSchema latest = state.latest("a");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(id).isEqualTo(3);
        assertThat(state.subjects()).containsExactly("a", "b");
    }

    @Test
    void backwardByDefaultRefusesAnIncompatibleChangeWith409() {
        register("s", V1);

        assertRegistryError(() -> register("s", V2_NO_DEFAULT), 409, 409);
        assertThat(state.versions("s")).containsExactly(1);
    }

    @Test
    void noneAcceptsTheSameChange() {
        register("s", V1);
        state.apply(new LogRecord.Config(Optional.of("s"), Optional.of(CompatibilityLevel.NONE)));

        assertThat(register("s", V2_NO_DEFAULT)).isEqualTo(2);
        assertThat(state.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.NONE);
    }

    @Test
    void subjectLevelOverridesGlobalAndCanBeRemoved() {
        state.apply(new LogRecord.Config(Optional.empty(), Optional.of(CompatibilityLevel.FULL)));
        state.apply(new LogRecord.Config(Optional.of("s"), Optional.of(CompatibilityLevel.NONE)));
        assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(state.effectiveLevel("x")).isEqualTo(CompatibilityLevel.FULL);

        state.apply(new LogRecord.Config(Optional.of("s"), Optional.empty()));
        assertThat(state.subjectLevel("s")).isEmpty();
        assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void unknownSubjectVersionAndIdUseConfluentsCodes() {
        register("s", V1);

        assertRegistryError(() -> state.versions("nope"), 404, 40401);
        assertRegistryError(() -> state.latest("nope"), 404, 40401);
        assertRegistryError(() -> state.version("nope", 1), 404, 40401);
        assertRegistryError(() -> state.version("s", 2), 404, 40402);
        assertThat(state.schemaById(99)).isEmpty();
    }

    @Test
    void invalidSchemasAre42201() {
        assertRegistryError(() -> RegistryState.parse("{\"type\":\"recrod\"}"), 422, 42201);
        assertRegistryError(() -> RegistryState.parse(""), 422, 42201);
        assertRegistryError(() -> RegistryState.parse("not json"), 422, 42201);
    }

    @Test
    void compatibilityCheckAgainstLatestOrOneVersion() {
        register("s", V1);
        state.apply(new LogRecord.Config(Optional.of("s"), Optional.of(CompatibilityLevel.NONE)));
        register("s", ID_AS_INT);
        state.apply(
                new LogRecord.Config(Optional.of("s"), Optional.of(CompatibilityLevel.BACKWARD)));

        assertThat(state.checkCompatibility("s", Optional.empty(), parse(V1))).isNotEmpty();
        assertThat(state.checkCompatibility("s", Optional.of(1), parse(V2_WITH_DEFAULT))).isEmpty();
        assertThat(state.checkCompatibility("new", Optional.empty(), parse(V1))).isEmpty();
    }

    @Test
    void replayingTheLogGivesTheSameState() {
        LogRecord.SchemaVersion record =
                new LogRecord.SchemaVersion("s", 1, 5, parse(V1).toString());
        state.apply(record);
        state.apply(record);

        assertThat(state.versions("s")).containsExactly(1);
        assertThat(register("other", V2_WITH_DEFAULT)).isEqualTo(6);
        assertThat(register("again", V1)).isEqualTo(5);
    }
}
