package io.medvie.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.events.ReviewRole;
import io.medvie.review.account.Accounts.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private Instant now = Instant.parse("2026-03-14T08:00:00Z");
    private final Clock clock =
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    private final Principal rita = new Principal("rita", ReviewRole.REVIEWER);

    @Test
    void signingInReplacesTheSessionAndItsToken() {
        Sessions.Session anonymous = sessions.anonymous();
        Sessions.Session signed = sessions.signIn(rita, anonymous.id());
        assertThat(signed.id()).isNotEqualTo(anonymous.id());
        assertThat(signed.csrf()).isNotEqualTo(anonymous.csrf());
        assertThat(sessions.find(anonymous.id())).isEmpty();
        assertThat(sessions.find(signed.id()).orElseThrow().principal()).contains(rita);
    }

    @Test
    void csrfTokenMustMatchExactly() {
        Sessions.Session s = sessions.signIn(rita, null);
        assertThat(s.csrfMatches(s.csrf())).isTrue();
        assertThat(s.csrfMatches(null)).isFalse();
        assertThat(s.csrfMatches("")).isFalse();
        assertThat(s.csrfMatches(s.csrf() + "x")).isFalse();
        assertThat(s.csrfMatches(sessions.signIn(rita, null).csrf())).isFalse();
    }

    @Test
    void idleSessionsExpireAndUseKeepsThemAlive() {
        Sessions.Session s = sessions.signIn(rita, null);
        now = now.plus(Duration.ofMinutes(20));
        assertThat(sessions.find(s.id())).isPresent();
        now = now.plus(Duration.ofMinutes(20));
        assertThat(sessions.find(s.id())).as("touched 20 min ago").isPresent();
        now = now.plus(Duration.ofMinutes(31));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void signOutOfAUserEndsAllTheirSessions() {
        Sessions.Session a = sessions.signIn(rita, null);
        Sessions.Session b = sessions.signIn(rita, null);
        Sessions.Session other = sessions.signIn(new Principal("rob", ReviewRole.ADMIN), null);
        sessions.signOutUser("rita");
        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find(b.id())).isEmpty();
        assertThat(sessions.find(other.id())).isPresent();
    }
}
