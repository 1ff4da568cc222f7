package io.medvie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.medvie.bench.chaos.ChaosCount;
import io.medvie.bench.chaos.ChaosRun;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medvie bench chaos}: issue 9's reliability points 1 and 2. The platform in this JVM,
 * extractor, trainer and review as child JVMs; while a stream of synthetic reports goes through,
 * each service is SIGKILLed and restarted at seeded random points and the broker is stopped and
 * started on the same data while the services stay up. At the end everything is counted from the
 * topics: one extraction per report, no lost verified sample, no model published twice, no dead
 * letter, no service that exited by itself. Exit code 0 only when every count holds.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Kills extractor, trainer and review at random points of a stream, restarts the"
                    + " broker under the running services, and counts every event at the end.",
            "Exit 0 when every report has exactly one extraction, no acknowledged review is lost,"
                    + " no model version is published twice and no service exited by itself."
        })
public final class ChaosBench implements Callable<Integer> {

    @Option(
            names = "--dir",
            defaultValue = "data/chaos",
            description =
                    "Folder of the runs (each run in its own sub-folder) and of the"
                            + " generated reports. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--reports", defaultValue = "500", description = "Default: ${DEFAULT-VALUE}.")
    int reports;

    @Option(
            names = "--style",
            defaultValue = "clean",
            description = "Synth style; clean keeps OCR cheap. Default: ${DEFAULT-VALUE}.")
    String style;

    @Option(names = "--seed", defaultValue = "9", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--rate",
            defaultValue = "2",
            description = "Reports submitted per second. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(
            names = "--backlog",
            defaultValue = "40",
            description =
                    "Most reports submitted and not yet extracted, so that submission lasts"
                            + " the whole run (0: no bound). Default: ${DEFAULT-VALUE}.")
    int backlog;

    @Option(
            names = "--kills",
            defaultValue = "3",
            description = "SIGKILLs of each service. Default: ${DEFAULT-VALUE}.")
    int kills;

    @Option(
            names = "--broker-restarts",
            defaultValue = "1",
            description =
                    "Broker stop/starts under the running services. Default: ${DEFAULT-VALUE}.")
    int brokerRestarts;

    @Option(
            names = "--mode",
            defaultValue = "both",
            description =
                    "crash (kills only), broker (broker restarts only) or both."
                            + " Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(
            names = "--kill-pause",
            defaultValue = "PT4S",
            description = "Longest pause before a killed service restarts. Default: 4 s.")
    Duration killPause;

    @Option(
            names = "--broker-pause",
            defaultValue = "PT5S",
            description = "How long the broker stays down. Default: 5 s.")
    Duration brokerPause;

    @Option(
            names = "--round-samples",
            defaultValue = "20",
            description = "New samples that start a trainer round. Default: ${DEFAULT-VALUE}.")
    int roundSamples;

    @Option(
            names = "--epochs",
            defaultValue = "2",
            description = "GRPO epochs per round. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(
            names = "--gate-margin",
            defaultValue = "0.05",
            description =
                    "F1 a candidate may lose and still be published. Default: ${DEFAULT-VALUE}.")
    double gateMargin;

    @Option(
            names = "--gate-min-heldout",
            defaultValue = "5",
            description =
                    "Fewest held-out documents of a gate decision. Default: ${DEFAULT-VALUE}.")
    int gateMinHeldout;

    @Option(
            names = "--max-wait",
            defaultValue = "PT3H",
            description = "Bound on the run. Default: 3 h.")
    Duration maxWait;

    @Option(
            names = "--session-timeout",
            defaultValue = "PT10S",
            description =
                    "The services' consumer session timeout (kafka.session.timeout.ms):"
                            + " how soon the group gives a killed member's partitions to its restarted"
                            + " self. Kafka's default is 45 s. Default: 10 s.")
    Duration sessionTimeout;

    @Option(
            names = "--trainer-round-wait",
            defaultValue = "PT60S",
            description =
                    "How long a due trainer kill waits for a round to be running, so that"
                            + " kills also land inside rounds (PT0S: at once). Default: 60 s.")
    Duration trainerRoundWait;

    @Option(names = "--json", description = "Also write the results to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (!mode.equals("crash") && !mode.equals("broker") && !mode.equals("both")) {
            throw new IllegalArgumentException(
                    "--mode must be crash, broker or both, not '" + mode + "'");
        }
        ChaosRun.Options options =
                new ChaosRun.Options(
                        reports,
                        style,
                        seed,
                        rate,
                        backlog,
                        mode.equals("broker") ? 0 : kills,
                        mode.equals("crash") ? 0 : brokerRestarts,
                        killPause,
                        brokerPause,
                        roundSamples,
                        epochs,
                        gateMargin,
                        gateMinHeldout,
                        sessionTimeout,
                        trainerRoundWait,
                        maxWait);
        Path runDir = dir.resolve("run-" + Instant.now().toString().replace(':', '-'));
        ChaosRun.Result result = new ChaosRun(options, runDir, dir, System.out).run();
        print(result, System.out);
        Path file = json != null ? json : runDir.resolve("chaos.json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper()
                .registerModule(
                        new SimpleModule()
                                .addSerializer(Duration.class, ToStringSerializer.instance))
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), result);
        System.out.println(
                "Results in " + file + "; service logs in " + runDir.resolve("services/logs"));
        return result.ok() ? 0 : 1;
    }

    /** The counts as a table, then the faults, the services' figures and the verdict. */
    public static void print(ChaosRun.Result r, PrintStream out) {
        ChaosCount c = r.count();
        out.println();
        out.println("| count | value | expected |");
        out.println("| --- | ---: | --- |");
        row(out, "reports submitted (distinct ids)", c.submitted(), "" + r.options().reports());
        row(out, "events on medvie.reports", c.reportEvents(), "one per report");
        row(out, "extraction events", c.extractionEvents(), "one per report");
        row(out, "reports with an extraction", c.extractedReports(), "all");
        row(out, "reports without extraction", c.extractionMissing().size(), "0");
        row(out, "reports with 2+ extractions", c.extractionDuplicates().size(), "0");
        row(out, "routed to review (NEEDS_REVIEW)", c.needsReview(), "");
        row(out, "review tasks", c.reviewTasks(), "one per routed report");
        row(out, "verified samples", c.verifiedSamples(), "one per task");
        row(out, "tasks without sample", c.tasksWithoutSample().size(), "0");
        row(out, "reports verified twice", c.verifiedDuplicates().size(), "0");
        row(out, "submissions acknowledged (2xx)", c.acknowledged(), "");
        row(out, "acknowledged without sample (lost)", c.acknowledgedLost().size(), "0");
        row(
                out,
                "submissions in doubt (no answer) / with sample",
                c.inDoubt(),
                c.inDoubtWithSample() + " have one");
        row(
                out,
                "samples in the trainer's pool",
                r.trainerPooled(),
                "all verified (less trainer DLQ)");
        row(out, "ModelPublished events", c.modelEvents(), "one per version");
        row(out, "model versions", c.modelVersions().size(), "");
        row(
                out,
                "versions published twice",
                (int) c.modelVersions().values().stream().filter(n -> n > 1).count(),
                "0");
        for (Map.Entry<String, Integer> e : c.dlq().entrySet()) {
            row(out, "DLQ " + e.getKey(), e.getValue(), "0");
        }
        out.println();
        out.println("Faults:");
        for (ChaosRun.Fault f : r.faults()) {
            out.printf(
                    "  %-9s at %4d extracted, %5.0f s into the run, %s %d ms %s%n",
                    f.target(),
                    f.atExtracted(),
                    f.atMillis() / 1000.0,
                    f.target().equals("broker") ? "down" : "restarted after",
                    f.downMillis(),
                    f.state());
        }
        out.println();
        out.println(
                "| service | lives | kills | exits by itself | -Xmx | peak RSS MB | peak heap used MB |");
        out.println("| --- | ---: | ---: | ---: | --- | ---: | ---: |");
        for (ChaosRun.ServiceFigures s : r.services()) {
            out.printf(
                    "| %s | %d | %d | %d | %s | %d | %d |%n",
                    s.service(),
                    s.lives(),
                    s.kills(),
                    s.unbiddenExits(),
                    s.maxHeap(),
                    s.peakRssMb(),
                    s.peakHeapUsedMb());
        }
        out.printf(
                "| bench (broker, registry, ingest, reviewer) | 1 | 0 | 0 | - | %d | - |%n",
                r.benchPeakRssMb());
        out.println();
        out.printf(
                "Rounds by version: %s%nSubmit retries %d, reviewer failures %d (re-signed in),"
                        + " reviewer submissions %d%n",
                r.roundOutcomes(), r.submitRetries(), r.reviewerFailures(), r.reviewerSubmitted());
        out.printf(
                "Wall time %.0f s (stream and faults %.0f s, drain %.0f s)%n",
                r.wallSeconds(), r.streamSeconds(), r.drainSeconds());
        if (r.ok()) {
            out.println("RESULT: every count holds.");
        } else {
            out.println("RESULT: FAILED");
            r.problems().forEach(p -> out.println("  - " + p));
        }
    }

    private static void row(PrintStream out, String what, int value, String expected) {
        out.printf("| %s | %d | %s |%n", what, value, expected);
    }
}
