package io.medvie.review.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.events.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant AT = Instant.parse("2026-03-14T08:00:00Z");

    @Test
    void eventsChainAndTamperingBreaksTheChain() {
        AuditChain chain = new AuditChain();
        chain.seal();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AuditEvent e =
                    chain.draft()
                            .next(
                                    AuditChain.TASK,
                                    "t-" + i,
                                    "claim",
                                    "rita",
                                    AT,
                                    Map.of("n", "" + i));
            chain.advance(e);
            events.add(e);
        }
        assertThat(events.get(0).getPreviousHash()).isNull();
        assertThat(events.get(1).getPreviousHash()).isEqualTo(events.get(0).getHash());
        assertThat(AuditChain.verify(events)).isTrue();

        List<AuditEvent> altered = new ArrayList<>(events);
        altered.set(1, AuditEvent.newBuilder(events.get(1)).setActor("mallory").build());
        assertThat(AuditChain.verify(altered)).isFalse();

        List<AuditEvent> removed = List.of(events.get(0), events.get(2));
        assertThat(AuditChain.verify(removed)).isFalse();
        assertThat(AuditChain.check(altered).index()).isEqualTo(1);
        assertThat(AuditChain.check(altered).reason()).contains("hash");
        assertThat(AuditChain.check(removed).index()).isEqualTo(1);
        assertThat(AuditChain.check(removed).eventId()).isEqualTo(events.get(2).getEventId());
        assertThat(AuditChain.check(removed).reason()).contains("removed");
        assertThat(AuditChain.check(events)).isNull();
    }

    @Test
    void aDraftChainsItsEventsToEachOtherAndTheHeadMovesOnlyOnAdvance() {
        AuditChain chain = new AuditChain();
        AuditChain.Draft draft = chain.draft();
        AuditEvent a = draft.next(AuditChain.TASK, "t", "claim", "rita", AT, Map.of());
        AuditEvent b = draft.next(AuditChain.TASK, "t", "submit", "rita", AT, Map.of());
        assertThat(b.getPreviousHash()).isEqualTo(a.getHash());
        assertThat(chain.head()).isNull();
        chain.advance(a);
        chain.advance(b);
        assertThat(chain.head()).isEqualTo(b.getHash());
    }

    @Test
    void recoveryFollowsOurEventsOnlyAndStopsWhenSealed() {
        AuditChain chain = new AuditChain();
        AuditEvent ours =
                new AuditChain().draft().next(AuditChain.TASK, "t", "claim", "r", AT, Map.of());
        AuditEvent theirs =
                AuditEvent.newBuilder(ours).setEntityType("ingest.report").setHash("x").build();
        chain.observe(ours);
        chain.observe(theirs);
        assertThat(chain.head()).isEqualTo(ours.getHash());
        chain.seal();
        AuditEvent later = chain.draft().next(AuditChain.TASK, "t", "skip", "r", AT, Map.of());
        chain.advance(later);
        chain.observe(ours); // the reader's late echo
        assertThat(chain.head()).isEqualTo(later.getHash());
        assertThatThrownBy(() -> chain.draft().next("ingest.report", "t", "x", "r", AT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
