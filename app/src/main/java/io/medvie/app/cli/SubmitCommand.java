package io.medvie.app.cli;

import io.medvie.app.platform.EmbeddedPlatform;
import io.medvie.ingest.submit.SubmitClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medvie submit FILE|DIR...}: uploads reports to ingest with a progress line. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Submits report files (PDF, PNG, JPEG, TIFF; folders are walked) to ingest.",
            "Exit code 0 when every file was accepted (or already known), 1 otherwise."
        })
public final class SubmitCommand implements Callable<Integer> {
    @Mixin DataDir data;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files or folders.")
    List<Path> inputs;

    @Option(
            names = "--url",
            description =
                    "Ingest base URL (default: the running platform's, from DATA/platform.properties).")
    URI url;

    @Option(
            names = "--token",
            description = "Bearer token (default: $MEDVIE_TOKEN, else DATA/ingest/cli-token).")
    String token;

    @Override
    public Integer call() throws Exception {
        List<Path> files = SubmitClient.expand(inputs);
        if (files.isEmpty()) {
            System.err.println("medvie submit: no files in " + inputs);
            return 1;
        }
        SubmitClient client = new SubmitClient(resolveUrl(), resolveToken());
        SubmitClient.Summary summary = client.submitAll(files, System.err);
        System.out.printf(
                "%d submitted: %d accepted, %d already known, %d failed%n",
                files.size(), summary.accepted(), summary.duplicates(), summary.failed());
        for (SubmitClient.Outcome o : summary.outcomes()) {
            if (o.accepted()) {
                System.out.println(o.reportId() + "  " + o.file());
            }
        }
        return summary.failed() == 0 ? 0 : 1;
    }

    private URI resolveUrl() throws IOException {
        if (url != null) {
            return url;
        }
        return URI.create(RunningPlatform.read(data.path()).getProperty("medvie.ingest.url"));
    }

    private String resolveToken() {
        if (token != null) {
            return token;
        }
        String env = System.getenv("MEDVIE_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        return EmbeddedPlatform.readCliToken(data.path());
    }
}
