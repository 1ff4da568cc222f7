package io.medvie.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option every command that touches the embedded platform shares. */
public final class DataDir {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "Data directory of the embedded platform (default: $MEDVIE_DATA or ./data).")
    Path dir;

    public Path path() {
        if (dir != null) {
            return dir;
        }
        String env = System.getenv("MEDVIE_DATA");
        return Path.of(env == null || env.isBlank() ? "data" : env);
    }
}
