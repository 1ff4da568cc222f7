package io.medvie.app.cli;

import io.medvie.review.audit.AuditVerifier;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvie audit verify}: checks the review audit log's hash chain. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Checks the audit log (medvie.audit).",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Reads the review service's audit chain from the start and checks that every"
                        + " event's hash matches its content and names the event before it.",
                "Exit code 0 when the chain holds, 1 when it is broken (the first break is printed)."
            })
    static final class Verify implements Callable<Integer> {
        @Mixin DataDir data;

        @Option(
                names = "--bootstrap",
                description = "Kafka bootstrap servers (default: the running platform's).")
        String bootstrap;

        @Option(
                names = "--registry",
                description = "Schema registry URL (default: the running platform's).")
        String registry;

        @Override
        public Integer call() throws Exception {
            if (bootstrap == null || registry == null) {
                Properties running = RunningPlatform.read(data.path());
                bootstrap =
                        bootstrap != null
                                ? bootstrap
                                : running.getProperty("kafka.bootstrap.servers");
                registry = registry != null ? registry : running.getProperty("schema.registry.url");
            }
            AuditVerifier.Report r =
                    AuditVerifier.verify(Map.of("bootstrap.servers", bootstrap), registry);
            if (r.intact()) {
                System.out.printf(
                        "audit chain intact: %d events, head %s%n",
                        r.events(), r.head() == null ? "-" : r.head());
                return 0;
            }
            System.out.printf(
                    "audit chain BROKEN at event %d of %d (offset %d, id %s): %s%n",
                    r.broken().index() + 1,
                    r.events(),
                    r.offset(),
                    r.broken().eventId(),
                    r.broken().reason());
            return 1;
        }
    }
}
