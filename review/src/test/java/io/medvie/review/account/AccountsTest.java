package io.medvie.review.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.events.ReviewAccount;
import io.medvie.events.ReviewRole;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountsTest {
    private static final Instant AT = Instant.parse("2026-03-14T08:00:00Z");
    private final Accounts accounts = new Accounts();

    @Test
    void passwordsAreStoredAsBcryptAndChecked() {
        ReviewAccount rita =
                accounts.draft("Rita", ReviewRole.REVIEWER, "a long password", "admin", AT);
        assertThat(rita.getUsername()).isEqualTo("rita");
        assertThat(rita.getPasswordHash()).startsWith("$2a$10$").doesNotContain("a long password");
        accounts.apply(rita);
        assertThat(accounts.authenticate("RITA", "a long password"))
                .map(Accounts.Principal::role)
                .contains(ReviewRole.REVIEWER);
        assertThat(accounts.authenticate("rita", "a long passwore")).isEmpty();
        assertThat(accounts.authenticate("nobody", "a long password")).isEmpty();
        assertThat(accounts.authenticate(null, null)).isEmpty();
    }

    @Test
    void aNewerRecordReplacesAnOlderOneButNotTheOtherWayRound() {
        ReviewAccount first =
                accounts.draft("rita", ReviewRole.REVIEWER, "first password", "a", AT);
        ReviewAccount second =
                accounts.draft("rita", ReviewRole.ADMIN, "second password", "a", AT.plusSeconds(1));
        accounts.apply(second);
        accounts.apply(first);
        assertThat(accounts.get("rita").orElseThrow().getRole()).isEqualTo(ReviewRole.ADMIN);
        assertThat(accounts.authenticate("rita", "first password")).isEmpty();
        ReviewAccount disabled =
                ReviewAccount.newBuilder(second)
                        .setDisabled(true)
                        .setUpdatedAt(AT.plusSeconds(2))
                        .build();
        accounts.apply(disabled);
        assertThat(accounts.authenticate("rita", "second password")).isEmpty();
    }

    @Test
    void badNamesAndShortPasswordsAreRefused() {
        assertThatThrownBy(
                        () -> accounts.draft("a b", ReviewRole.REVIEWER, "long enough!", "x", AT))
                .hasMessageContaining("User name");
        assertThatThrownBy(() -> accounts.draft("rita", ReviewRole.REVIEWER, "short", "x", AT))
                .hasMessageContaining("at least 10");
        assertThatThrownBy(
                        () -> accounts.draft("rita", ReviewRole.REVIEWER, "x".repeat(73), "x", AT))
                .hasMessageContaining("72");
        assertThat(Accounts.safeName("<script>")).isEqualTo("(invalid)");
    }
}
