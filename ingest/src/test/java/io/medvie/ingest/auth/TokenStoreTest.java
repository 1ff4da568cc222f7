package io.medvie.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir Path dir;

    @Test
    void storesOnlyHashesAndAuthenticatesAfterReload() throws Exception {
        Path file = dir.resolve("tokens");
        TokenStore store = TokenStore.open(file);
        String token = store.create("alice", Role.SUBMITTER);

        assertThat(Files.readString(file)).doesNotContain(token).contains(TokenStore.hash(token));
        TokenStore reloaded = TokenStore.open(file);
        assertThat(reloaded.authenticate(token))
                .contains(new TokenStore.Principal("alice", Role.SUBMITTER));
        assertThat(reloaded.authenticate(token + "x")).isEmpty();
        assertThat(reloaded.authenticate(null)).isEmpty();
    }

    @Test
    void rolesNest() {
        assertThat(Role.ADMIN.allows(Role.SUBMITTER)).isTrue();
        assertThat(Role.SUBMITTER.allows(Role.ADMIN)).isFalse();
    }

    @Test
    void malformedFileNamesTheLine() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# comment\nbob:submitter:abc\n");
        assertThatThrownBy(() -> TokenStore.open(file)).hasMessageContaining("line 2");
        Files.writeString(file, "bob:root:" + "a".repeat(64) + "\n");
        assertThatThrownBy(() -> TokenStore.open(file)).hasMessageContaining("unknown role 'root'");
    }
}
