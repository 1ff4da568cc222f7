package io.medvie.review.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-03-14T08:00:00Z");
    private final LoginThrottle throttle =
            new LoginThrottle(
                    new Clock() {
                        @Override
                        public ZoneId getZone() {
                            return ZoneOffset.UTC;
                        }

                        @Override
                        public Clock withZone(ZoneId zone) {
                            return this;
                        }

                        @Override
                        public Instant instant() {
                            return now;
                        }
                    });

    @Test
    void waitsGrowAfterTheFreeFailuresAndASuccessClearsThem() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.waitFor("rita")).isEmpty();
            throttle.failed("Rita");
        }
        assertThat(throttle.waitFor("rita")).contains(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("rob")).as("other names are not slowed").isEmpty();
        now = now.plusSeconds(31);
        assertThat(throttle.waitFor("rita")).isEmpty();
        throttle.failed("rita");
        assertThat(throttle.waitFor("rita")).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 20; i++) {
            throttle.failed("rita");
        }
        assertThat(throttle.waitFor("rita")).contains(LoginThrottle.MAX_WAIT);
        throttle.succeeded("RITA");
        assertThat(throttle.waitFor("rita")).isEmpty();
    }
}
