package io.medvie.app.demo;

import io.medvie.blobstore.BlobStore;
import io.medvie.ingest.submit.SubmitClient;
import io.medvie.review.sim.SimulatedReviewer;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The learning loop, live: synthetic reports streamed into ingest at a steady rate (some from
 * templates the model never saw), a simulated reviewer verifying the routed ones through the review
 * UI, the trainer publishing models the extractor swaps in, and each model version scored on
 * unseen-template reports. Prints a progress line every few seconds and a summary table at the end.
 */
public final class LoopDemo {

    /**
     * @param reports streamed reports
     * @param unseenShare share of them from templates the shipped model never saw
     * @param evalReports unseen-template reports each model version is scored on
     * @param style synth style of all of them
     * @param errorRate share of the simulated reviewer's submissions with one wrong value
     * @param rate reports submitted per second
     * @param seed seeds the synthetic data and the reviewer
     * @param maxWait bound on waiting for the pipeline to drain after the last submission
     */
    public record Options(
            int reports,
            double unseenShare,
            int evalReports,
            String style,
            double errorRate,
            double rate,
            long seed,
            Duration maxWait) {}

    /** What the loop needs of the running services. */
    public record Services(
            String ingestUrl,
            String cliToken,
            String reviewUrl,
            String adminUser,
            String adminPassword,
            Map<String, Object> kafka,
            String registryUrl,
            BlobStore blobs,
            Supplier<String> extractorModel,
            IntSupplier reviewQueue,
            LongSupplier trainerSamplesTaken,
            LongSupplier modelsPublished,
            BooleanSupplier trainerBusy,
            Supplier<String> trainerState) {}

    /** What the loop measured. */
    public record Result(
            List<ModelScoreboard.Version> versions,
            Map<String, ExtractionTally.Counts> extractions,
            int submitted,
            long extracted,
            long duplicates,
            long verified,
            long reviewerErrors,
            double seconds) {}

    private final Options options;
    private final Services services;
    private final Path dataDir;
    private final PrintStream out;

    public LoopDemo(Options options, Services services, Path dataDir, PrintStream out) {
        this.options = options;
        this.services = services;
        this.dataDir = dataDir;
        this.out = out;
    }

    public Result run() throws Exception {
        long start = System.nanoTime();
        int unseen = (int) Math.round(options.reports() * options.unseenShare());
        out.printf(
                "Generating %d synthetic %s reports (%d from templates the model never saw: %s)"
                        + " and %d unseen-template reports to score each model version ...%n",
                options.reports(),
                options.style(),
                unseen,
                String.join(", ", DemoStream.UNSEEN),
                options.evalReports());
        DemoStream stream =
                DemoStream.prepare(
                        dataDir.resolve("demo-data"),
                        options.style(),
                        options.reports() - unseen,
                        unseen,
                        options.evalReports(),
                        options.seed(),
                        2);
        String reviewer = "sim-reviewer";
        String reviewerPassword = "sim-" + Long.toHexString(options.seed()) + "-reviewer-pw";
        SimulatedReviewer.createAccount(
                services.reviewUrl(),
                services.adminUser(),
                services.adminPassword(),
                reviewer,
                reviewerPassword);
        SubmitClient submit =
                new SubmitClient(URI.create(services.ingestUrl()), services.cliToken());
        Set<String> ids = new HashSet<>();
        try (ModelScoreboard scoreboard =
                        new ModelScoreboard(
                                        services.kafka(),
                                        services.registryUrl(),
                                        services.blobs(),
                                        stream.evalDir())
                                .start();
                ExtractionTally tally =
                        new ExtractionTally(services.kafka(), services.registryUrl()).start();
                SimulatedReviewer sim =
                        new SimulatedReviewer(
                                        services.reviewUrl(),
                                        reviewer,
                                        reviewerPassword,
                                        stream::truth,
                                        options.errorRate(),
                                        options.seed(),
                                        Duration.ofMillis(500))
                                .start()) {
            out.printf(
                    "Streaming %d reports at %.2f/s; a simulated reviewer (error rate %.0f%%)"
                            + " verifies what is routed to review.%n%n",
                    stream.items().size(), options.rate(), options.errorRate() * 100);
            long intervalNanos = (long) (1e9 / options.rate());
            long next = System.nanoTime();
            long lastLine = 0;
            int submitted = 0;
            for (DemoStream.Item item : stream.items()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                next += intervalNanos;
                SubmitClient.Outcome o = submit.submit(item.file());
                if (o.accepted()) {
                    ids.add(o.reportId());
                    submitted++;
                } else {
                    out.printf("  %s: not accepted (%d %s)%n", item.file(), o.status(), o.error());
                }
                if (System.nanoTime() - lastLine > 10_000_000_000L) {
                    lastLine = System.nanoTime();
                    progress(start, submitted, stream.items().size(), ids, tally, sim, scoreboard);
                }
            }
            // Drain: every report extracted, the review queue empty, every verified sample taken
            // by the trainer and no round under way, on two looks a second and a half apart (a
            // round that is due starts within half a second of its last sample).
            long deadline = System.nanoTime() + options.maxWait().toNanos();
            int quiet = 0;
            while (System.nanoTime() < deadline) {
                boolean drained =
                        tally.extractedOf(ids) == ids.size()
                                && services.reviewQueue().getAsInt() <= sim.unknownTasks()
                                && services.trainerSamplesTaken().getAsLong() >= sim.submitted()
                                && !services.trainerBusy().getAsBoolean()
                                && scoreboard.versions().size()
                                        >= 1 + services.modelsPublished().getAsLong();
                quiet = drained ? quiet + 1 : 0;
                if (quiet >= 2) {
                    break;
                }
                if (System.nanoTime() - lastLine > 10_000_000_000L) {
                    lastLine = System.nanoTime();
                    progress(start, submitted, stream.items().size(), ids, tally, sim, scoreboard);
                }
                Thread.sleep(drained ? 1500 : 500);
            }
            progress(start, submitted, stream.items().size(), ids, tally, sim, scoreboard);
            return new Result(
                    scoreboard.versions(),
                    tally.byVersion(),
                    submitted,
                    tally.extractedOf(ids),
                    tally.duplicates(),
                    sim.submitted(),
                    sim.erred(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private void progress(
            long start,
            int submitted,
            int total,
            Set<String> ids,
            ExtractionTally tally,
            SimulatedReviewer sim,
            ModelScoreboard scoreboard) {
        double seconds = (System.nanoTime() - start) / 1e9;
        ExtractionTally.Counts t = tally.total();
        long extracted = tally.extractedOf(ids);
        StringBuilder f1 = new StringBuilder();
        for (ModelScoreboard.Version v : scoreboard.versions()) {
            if (f1.length() > 0) {
                f1.append(", ");
            }
            f1.append(String.format(Locale.ROOT, "%s %.3f", v.version(), v.unseenF1()));
        }
        out.printf(
                Locale.ROOT,
                "[%5.0f s] submitted %d/%d, extracted %d (%.2f/s), auto-accepted %.0f%% | review"
                        + " queue %d, verified %d | model %s, trainer %s | unseen-template F1: %s%n",
                seconds,
                submitted,
                total,
                extracted,
                extracted / Math.max(1, seconds),
                t.extracted() == 0 ? 0 : 100.0 * t.autoAccepted() / t.extracted(),
                services.reviewQueue().getAsInt(),
                sim.submitted(),
                services.extractorModel().get(),
                services.trainerState().get(),
                f1.length() == 0 ? "(scoring)" : f1);
        out.flush();
    }

    /** The end-of-run table. */
    public static void printSummary(Result r, PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "Loop summary: %d reports submitted, %d extracted (%d with more than one event),"
                        + " %d verified by the simulated reviewer (%d with a value wrong on"
                        + " purpose), %.0f s%n",
                r.submitted(),
                r.extracted(),
                r.duplicates(),
                r.verified(),
                r.reviewerErrors(),
                r.seconds());
        out.printf(
                "  %-34s %-34s %8s %12s %14s %12s %12s%n",
                "model version",
                "parent",
                "samples",
                "held-out F1",
                "unseen-tmpl F1",
                "extractions",
                "auto-accept");
        for (ModelScoreboard.Version v : r.versions()) {
            ExtractionTally.Counts c = r.extractions().get(v.version());
            out.printf(
                    Locale.ROOT,
                    "  %-34s %-34s %8d %12s %14.3f %12s %12s%n",
                    v.version(),
                    v.parent() == null ? "-" : v.parent(),
                    v.samples(),
                    Double.isNaN(v.gateF1()) ? "-" : String.format(Locale.ROOT, "%.3f", v.gateF1()),
                    v.unseenF1(),
                    c == null ? "0" : Long.toString(c.extracted()),
                    c == null || c.extracted() == 0
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f%%", 100 * c.autoAcceptRate()));
        }
        Runtime rt = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "  memory: heap used %d MB of %d MB max, RSS peak %s (the whole demo in this JVM)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20,
                peakRss());
        out.println(
                "  (held-out F1: the trainer's gate, on verified samples it never trained on;"
                        + " unseen-tmpl F1: the demo's own evaluation set from templates the"
                        + " shipped model never saw)");
    }

    /** VmHWM of this process from /proc (Linux), or "n/a". */
    private static String peakRss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb >> 10) + " MB";
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }
}
