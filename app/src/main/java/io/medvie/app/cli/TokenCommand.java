package io.medvie.app.cli;

import io.medvie.ingest.auth.Role;
import io.medvie.ingest.auth.TokenStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvie token}: creates a bearer token for ingest. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "Creates an ingest bearer token, prints it once, and stores only its hash.",
            "A running ingest reads new tokens at its next start."
        })
public final class TokenCommand implements Callable<Integer> {
    @Mixin DataDir data;

    @Option(names = "--name", required = true, description = "Who or what the token is for.")
    String name;

    @Option(
            names = "--role",
            defaultValue = "submitter",
            description = "submitter or admin (default: ${DEFAULT-VALUE}).")
    Role role;

    @Option(names = "--tokens-file", description = "Default: DATA/ingest/tokens.")
    Path tokensFile;

    @Override
    public Integer call() {
        Path file =
                tokensFile != null ? tokensFile : data.path().resolve("ingest").resolve("tokens");
        String token = TokenStore.open(file).create(name, role);
        System.out.println(token);
        return 0;
    }
}
