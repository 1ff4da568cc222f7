package io.medvie.app.cli;

import io.medvie.app.platform.EmbeddedPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The addresses a running embedded platform wrote into its data directory. */
final class RunningPlatform {
    private RunningPlatform() {}

    static Properties read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(EmbeddedPlatform.PLATFORM_FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException(
                    "no running platform found ("
                            + file
                            + " is missing): start one with ./medvie platform, or give the"
                            + " addresses as options");
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        return props;
    }
}
