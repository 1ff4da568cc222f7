package io.medvie.bench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medvie bench fuzz}: hostile uploads against ingest and the extractor in this process,
 * counted by outcome. Exit code 1 when any case broke the invariant (see {@link FuzzRun}).
 */
@Command(
        name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {
            "Sends generated hostile uploads (random bytes, truncated and malformed PDFs, image"
                    + " bombs, malformed multipart, oversize bodies) to an embedded ingest with"
                    + " one extractor, and checks each gets a 4xx with a JSON reason or ends as"
                    + " exactly one extraction event or dead letter.",
            "Prints counts by outcome and dead-letter error class, time, heap and RSS."
        })
public final class FuzzBench implements Callable<Integer> {

    @Option(
            names = "--cases",
            defaultValue = "1000",
            description = "Cases. Default: ${DEFAULT-VALUE}.")
    int cases;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--max-bytes",
            defaultValue = "4194304",
            description = "Ingest's upload limit for the run. Default: ${DEFAULT-VALUE}.")
    long maxBytes;

    @Option(
            names = "--settle",
            defaultValue = "PT10M",
            description =
                    "How long to wait for accepted reports to end (ISO-8601). Default: 10 min.")
    Duration settle;

    @Option(
            names = "--mix",
            defaultValue = "FULL",
            description =
                    "FULL: every family often, about a third reach the extractor; EDGE: mostly"
                            + " what ingest refuses. Default: ${DEFAULT-VALUE}.")
    HostileInputs.Mix mix;

    @Option(names = "--dir", description = "Working folder (default: a new temporary one).")
    Path dir;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FuzzBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (cases < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--cases must be at least 1, got " + cases);
        }
        PrintStream err = System.err;
        Path work =
                dir != null
                        ? Files.createDirectories(dir)
                        : Files.createTempDirectory("medvie-fuzz");
        long t0 = System.nanoTime();
        SynthSeeds synth = new SynthSeeds(seed);
        HostileInputs inputs = new HostileInputs(seed, maxBytes, synth.seeds(), mix);
        byte[] fresh = synth.fresh();
        err.printf(
                Locale.ROOT,
                "fuzz: seeds made in %.1f s, %d cases to send%n",
                (System.nanoTime() - t0) / 1e9,
                cases);
        FuzzRun.Result r;
        try (FuzzRun run = FuzzRun.start(work, maxBytes)) {
            r = run.run(inputs, cases, fresh, settle, err);
        } finally {
            if (dir == null) {
                deleteTree(work);
            }
        }
        if (json) {
            System.out.println(
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(r));
        } else {
            print(r, System.out);
        }
        return r.problems().isEmpty() ? 0 : 1;
    }

    /** Removes the run's temporary folder: broker log, blobs and tokens of hostile inputs. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void print(FuzzRun.Result r, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%d cases, seed run in %.1f s (sending %.1f s, settling %.1f s)%n",
                r.cases(),
                r.totalSeconds(),
                r.sendSeconds(),
                r.settleSeconds());
        out.println("Answers of ingest:");
        for (Map.Entry<String, Integer> e : r.outcomes().entrySet()) {
            out.printf(Locale.ROOT, "  %-28s %6d%n", e.getKey(), e.getValue());
        }
        out.println("By family:");
        for (Map.Entry<String, Map<String, Integer>> e : r.byKind().entrySet()) {
            out.printf(Locale.ROOT, "  %-20s %s%n", e.getKey(), e.getValue());
        }
        out.printf(
                Locale.ROOT,
                "Accepted as new: %d -> extracted %d, dead-lettered %d%n",
                r.acceptedReports(),
                r.extracted(),
                r.deadLettered());
        for (Map.Entry<String, Integer> e : r.deadLetters().entrySet()) {
            out.printf(Locale.ROOT, "  DLQ %-30s %6d%n", e.getKey(), e.getValue());
        }
        out.printf(
                Locale.ROOT, "Fresh valid report afterwards extracted: %s%n", r.freshExtracted());
        out.printf(
                Locale.ROOT,
                "Heap: max %d MB, peak sampled %d MB, after GC %d MB; RSS %d MB, peak RSS %d MB%n",
                r.heapMax() >> 20,
                r.heapPeakSampled() >> 20,
                r.heapAfterGc() >> 20,
                r.rss() >> 20,
                r.peakRss() >> 20);
        out.printf(Locale.ROOT, "Problems: %d%n", r.problems().size());
        r.problems().forEach(p -> out.println("  " + p));
    }
}
