package io.medvie.extractor.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSlotTest {
    private final List<String> closed = new ArrayList<>();

    private AutoCloseable model(String name) {
        return () -> closed.add(name);
    }

    @Test
    void aBatchKeepsItsModelUntilItEndsThenTheOldOneIsClosed() throws Exception {
        ModelSlot<AutoCloseable> slot = new ModelSlot<>();
        assertThat(slot.acquire()).isNull();
        slot.swap(model("v1"), "v1");

        ModelSlot.Handle<AutoCloseable> inFlight = slot.acquire();
        slot.swap(model("v2"), "v2");
        assertThat(slot.version()).isEqualTo("v2");
        assertThat(inFlight.version()).isEqualTo("v1");
        assertThat(closed).as("v1 still in use by a batch").isEmpty();

        inFlight.close();
        assertThat(closed).containsExactly("v1");

        try (ModelSlot.Handle<AutoCloseable> next = slot.acquire()) {
            assertThat(next.version()).isEqualTo("v2");
        }
        assertThat(closed).containsExactly("v1");
        slot.close();
        assertThat(closed).containsExactly("v1", "v2");
    }
}
