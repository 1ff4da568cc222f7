package io.medvie.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.extractor.service.ExtractorApp;
import io.medvie.ingest.submit.SubmitClient;
import io.medvie.review.ReviewApp;
import io.medvie.review.sim.SimulatedReviewer;
import io.medvie.schemas.Topics;
import io.medvie.trainer.service.TrainerApp;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A chaos run: the platform in this JVM, extractor, trainer and review as child JVMs, a stream of
 * synthetic reports, a simulated reviewer, and faults injected at seeded random points of the
 * stream: each service SIGKILLed and restarted after a short pause, and the broker stopped and
 * started on the same data while the services stay up. At the end it waits until the pipeline is
 * drained and counts everything ({@link ChaosCount}).
 *
 * <p>The fault points are positions in the stream, not clock times: "when the k-th report has been
 * extracted". Clock times would land in different phases on machines of different speed; stream
 * positions make a seed mean the same run everywhere, up to thread timing.
 */
public final class ChaosRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "chaos-admin";
    private static final String ADMIN_PASSWORD = "chaos-admin-password-0";
    private static final String REVIEWER = "chaos-reviewer";
    private static final String REVIEWER_PASSWORD = "chaos-reviewer-password-0";

    /**
     * @param reports synthetic reports streamed
     * @param style synth style (clean keeps OCR cheap)
     * @param seed seeds the data, the fault points and the reviewer
     * @param rate reports submitted per second
     * @param backlog most reports submitted and not yet extracted (0: no bound): keeps the stream
     *     going for as long as the extractor works, so faults meet every stage busy
     * @param kills SIGKILLs of each service during the stream
     * @param brokerRestarts broker stops and starts during the stream
     * @param killPause longest pause before a killed service is started again (seeded, at least a
     *     second)
     * @param brokerPause how long the broker stays down
     * @param roundSamples new training samples that start a trainer round
     * @param epochs GRPO epochs per round
     * @param gateMargin F1 a candidate may lose against the live model and still be published
     * @param gateMinHeldout fewest held-out documents a gate decision rests on
     * @param sessionTimeout the services' consumer session timeout: how soon a killed member's
     *     partitions go to its restarted self (Kafka's default 45 s only makes the run longer)
     * @param trainerRoundWait how long a due trainer kill waits for a round to be running, so that
     *     kills land inside rounds too (0: kill at once)
     * @param maxWait bound on the whole run after the data is generated
     */
    public record Options(
            int reports,
            String style,
            long seed,
            double rate,
            int backlog,
            int kills,
            int brokerRestarts,
            Duration killPause,
            Duration brokerPause,
            int roundSamples,
            int epochs,
            double gateMargin,
            int gateMinHeldout,
            Duration sessionTimeout,
            Duration trainerRoundWait,
            Duration maxWait) {}

    /** One injected fault. */
    public record Fault(
            String target,
            int atExtracted,
            long atMillis,
            long downMillis,
            String state,
            boolean done) {}

    /** A service's figures over the run. */
    public record ServiceFigures(
            String service,
            int lives,
            int kills,
            int unbiddenExits,
            String maxHeap,
            long peakRssMb,
            long peakHeapUsedMb,
            long lastHeapUsedMb) {}

    /** Everything measured. */
    public record Result(
            Options options,
            ChaosCount count,
            List<Fault> faults,
            List<ServiceFigures> services,
            List<ServiceProcess.UnbiddenExit> unbiddenExits,
            Map<String, List<String>> roundOutcomes,
            long submitRetries,
            long reviewerFailures,
            long reviewerSubmitted,
            boolean drained,
            double streamSeconds,
            double drainSeconds,
            double wallSeconds,
            long benchPeakRssMb,
            int trainerPooled,
            List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Options options;
    private final Path dir;
    private final Path dataCache;
    private final PrintStream out;
    private final Random random;
    private final long t0 = System.currentTimeMillis();

    /**
     * @param dir the run's folder (platform data, service logs and settings); should be new
     * @param dataCache where the synthetic reports are generated once and reused
     */
    public ChaosRun(Options options, Path dir, Path dataCache, PrintStream out) {
        this.options = options;
        this.dir = dir;
        this.dataCache = dataCache;
        this.out = out;
        this.random = new Random(options.seed());
    }

    public Result run() throws Exception {
        out.printf("Generating %d synthetic %s reports ...%n", options.reports(), options.style());
        ChaosStream stream =
                ChaosStream.prepare(
                        dataCache, options.style(), options.reports(), options.seed(), 2);
        long start = System.nanoTime();
        List<Fault> plan = plan(stream.items().size());
        out.printf("Fault plan (position = extracted reports): %s%n", describe(plan));
        try (ChaosPlatform platform = ChaosPlatform.start(dir.resolve("platform"))) {
            Map<String, String> common = new LinkedHashMap<>();
            common.put("kafka.bootstrap.servers", platform.bootstrapServers());
            common.put("schema.registry.url", platform.registryUrl());
            common.put("medvie.blob.dir", ChaosPlatform.blobDir(platform.dataDir()).toString());
            common.put(
                    "kafka.session.timeout.ms", Long.toString(options.sessionTimeout().toMillis()));
            int reviewPort = io.medvie.broker.EmbeddedKafka.freePort();
            String reviewUrl = "http://127.0.0.1:" + reviewPort;
            Path trainerData = dir.resolve("trainer");

            Map<String, String> ext = new LinkedHashMap<>(common);
            ext.put("medvie.extractor.instance.id", "chaos-extractor");
            Map<String, String> tr = new LinkedHashMap<>(common);
            tr.put("medvie.trainer.instance.id", "chaos-trainer");
            tr.put("medvie.trainer.data.dir", trainerData.toString());
            tr.put("medvie.trainer.ocr.threads", "1");
            tr.put("medvie.trainer.round.min.samples", Integer.toString(options.roundSamples()));
            tr.put("medvie.trainer.round.interval.ms", "0");
            tr.put("medvie.trainer.grpo.epochs", Integer.toString(options.epochs()));
            tr.put("medvie.trainer.checkpoint.every.steps", "2");
            tr.put("medvie.trainer.gate.margin", Double.toString(options.gateMargin()));
            tr.put("medvie.trainer.gate.min.heldout", Integer.toString(options.gateMinHeldout()));
            Map<String, String> rv = new LinkedHashMap<>(common);
            rv.put("medvie.review.port", Integer.toString(reviewPort));
            rv.put("medvie.review.instance.id", "chaos-review");
            rv.put("medvie.review.bootstrap.admin", ADMIN);
            rv.put("medvie.review.bootstrap.admin.password", ADMIN_PASSWORD);

            Path services = dir.resolve("services");
            List<ServiceProcess> procs = new ArrayList<>();
            ServiceProcess extractor =
                    new ServiceProcess(
                            "extractor", ExtractorApp.class.getName(), "1g", ext, services, t0);
            ServiceProcess trainer =
                    new ServiceProcess(
                            "trainer", TrainerApp.class.getName(), "1g", tr, services, t0);
            ServiceProcess review =
                    new ServiceProcess(
                            "review", ReviewApp.class.getName(), "512m", rv, services, t0);
            procs.add(extractor);
            procs.add(trainer);
            procs.add(review);
            Map<String, ServiceProcess> byName = new HashMap<>();
            procs.forEach(p -> byName.put(p.name(), p));
            for (ServiceProcess p : procs) {
                p.start();
            }
            Map<String, Object> kafka = Map.of("bootstrap.servers", platform.bootstrapServers());
            awaitHealth(reviewUrl + "/health", Duration.ofMinutes(3), review);
            SimulatedReviewer.createAccount(
                    reviewUrl, ADMIN, ADMIN_PASSWORD, REVIEWER, REVIEWER_PASSWORD);

            AtomicBoolean stop = new AtomicBoolean();
            Thread supervisor = supervisor(procs, stop);
            Set<String> submitted = ConcurrentHashMap.newKeySet();
            AtomicLong submitRetries = new AtomicLong();
            AtomicInteger cursor = new AtomicInteger();
            LiveCounts live = new LiveCounts(kafka).start();
            Thread submitter =
                    submitter(stream, platform, submitted, submitRetries, cursor, live, stop);
            List<Fault> faults = new ArrayList<>();
            boolean drained;
            double streamSeconds;
            double drainSeconds;
            try (live;
                    SimulatedReviewer sim =
                            new SimulatedReviewer(
                                            reviewUrl,
                                            REVIEWER,
                                            REVIEWER_PASSWORD,
                                            stream::truth,
                                            0.0,
                                            options.seed(),
                                            Duration.ofMillis(500))
                                    .start()) {
                long deadline = System.nanoTime() + options.maxWait().toNanos();
                long lastLine = 0;
                List<Fault> pending = new ArrayList<>(plan);
                Map<Fault, Long> dueSince = new HashMap<>();
                while (!pending.isEmpty() && System.nanoTime() < deadline) {
                    Fault ready = null;
                    for (Fault f : pending) {
                        if (live.extracted() < f.atExtracted()) {
                            break; // the plan is in order of position
                        }
                        long due = dueSince.computeIfAbsent(f, k -> System.nanoTime());
                        // A kill inside a round is the one that tests resume and publish-once:
                        // a due trainer kill waits a while for a round to be running; the other
                        // due faults go ahead of it meanwhile.
                        if (!f.target().equals("trainer")
                                || roundInProgress(trainerData)
                                || System.nanoTime() - due > options.trainerRoundWait().toNanos()) {
                            ready = f;
                            break;
                        }
                    }
                    if (ready != null) {
                        faults.add(inject(ready, byName, platform, trainerData, live));
                        pending.remove(ready);
                        continue;
                    }
                    if (System.nanoTime() - lastLine > 10_000_000_000L) {
                        lastLine = System.nanoTime();
                        progress(cursor.get(), live, sim);
                    }
                    Thread.sleep(200);
                }
                submitter.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                streamSeconds = (System.nanoTime() - start) / 1e9;
                out.printf("Faults done; waiting for the pipeline to drain ...%n");
                long drainStart = System.nanoTime();
                drained = false;
                String lastState = "";
                long stableSince = System.nanoTime();
                while (System.nanoTime() < deadline) {
                    String state = drainState(submitted, live, trainerData);
                    if (!state.equals(lastState)) {
                        lastState = state;
                        stableSince = System.nanoTime();
                    }
                    if (state.startsWith("drained")
                            && System.nanoTime() - stableSince > 15_000_000_000L) {
                        drained = true;
                        break;
                    }
                    if (System.nanoTime() - lastLine > 10_000_000_000L) {
                        lastLine = System.nanoTime();
                        progress(cursor.get(), live, sim);
                        out.printf("  %s%n", state);
                    }
                    Thread.sleep(500);
                }
                drainSeconds = (System.nanoTime() - drainStart) / 1e9;
                progress(cursor.get(), live, sim);
                stop.set(true);
                submitter.interrupt();
                supervisor.join(5000);
                for (ServiceProcess p : procs) {
                    p.sample(true);
                }
                ChaosCount count =
                        ChaosCount.of(
                                kafka,
                                platform.registryUrl(),
                                submitted,
                                sim.acknowledgedReports(),
                                sim.inDoubtReports(),
                                Duration.ofMinutes(2));
                Map<String, List<String>> rounds = roundOutcomes(trainerData);
                int pooled = pooled(trainerData);
                List<ServiceProcess.UnbiddenExit> unbidden = new ArrayList<>();
                List<ServiceFigures> figures = new ArrayList<>();
                for (ServiceProcess p : procs) {
                    unbidden.addAll(p.unbiddenExits());
                    figures.add(
                            new ServiceFigures(
                                    p.name(),
                                    p.lives(),
                                    p.kills(),
                                    p.unbiddenExits().size(),
                                    p.heap(),
                                    mb(p.peakRss()),
                                    mb(p.peakHeapUsed()),
                                    mb(p.lastHeapUsed())));
                }
                procs.forEach(ServiceProcess::close);
                List<String> problems = new ArrayList<>(count.problems());
                int trainerDlq = count.dlq().getOrDefault(Topics.DLQ_TRAINER, 0);
                if (pooled + trainerDlq < count.verifiedSamples()) {
                    problems.add(
                            "verified samples not in the trainer's pool: "
                                    + (count.verifiedSamples() - trainerDlq - pooled));
                }
                if (!drained) {
                    problems.add("not drained within " + options.maxWait() + ": " + lastState);
                }
                if (faults.size() < plan.size()) {
                    problems.add(
                            "only " + faults.size() + " of " + plan.size() + " faults injected");
                }
                if (submitted.size() != stream.items().size()) {
                    problems.add(
                            "submitted "
                                    + submitted.size()
                                    + " of "
                                    + stream.items().size()
                                    + " reports");
                }
                for (ServiceProcess.UnbiddenExit e : unbidden) {
                    problems.add(
                            e.service()
                                    + " life "
                                    + e.life()
                                    + " exited by itself (code "
                                    + e.exitCode()
                                    + ") at "
                                    + e.atMillis() / 1000
                                    + " s");
                }
                rounds.forEach(
                        (version, outcomes) -> {
                            long published =
                                    outcomes.stream().filter(o -> o.equals("published")).count();
                            if (published > 1) {
                                problems.add(
                                        "round log says "
                                                + version
                                                + " was published "
                                                + published
                                                + " times");
                            }
                        });
                return new Result(
                        options,
                        count,
                        faults,
                        figures,
                        unbidden,
                        rounds,
                        submitRetries.get(),
                        sim.failures(),
                        sim.submitted(),
                        drained,
                        streamSeconds,
                        drainSeconds,
                        (System.nanoTime() - start) / 1e9,
                        mb(benchPeakRss()),
                        pooled,
                        problems);
            } finally {
                stop.set(true);
                submitter.interrupt();
                procs.forEach(ServiceProcess::close);
            }
        }
    }

    /**
     * The fault plan: for each service {@code kills} SIGKILLs and {@code brokerRestarts} broker
     * restarts, each at a seeded random position between 10% and 90% of the stream, in order of
     * position.
     */
    List<Fault> plan(int n) {
        List<Fault> plan = new ArrayList<>();
        for (String target : List.of("extractor", "trainer", "review")) {
            for (int i = 0; i < options.kills(); i++) {
                plan.add(new Fault(target, position(n), 0, 0, "", false));
            }
        }
        for (int i = 0; i < options.brokerRestarts(); i++) {
            plan.add(new Fault("broker", position(n), 0, 0, "", false));
        }
        plan.sort(Comparator.comparingInt(Fault::atExtracted));
        return plan;
    }

    private int position(int n) {
        int lo = Math.max(1, n / 10);
        int hi = Math.max(lo + 1, n * 9 / 10);
        return lo + random.nextInt(hi - lo);
    }

    private Fault inject(
            Fault f,
            Map<String, ServiceProcess> services,
            ChaosPlatform platform,
            Path trainerData,
            LiveCounts live)
            throws Exception {
        long at = System.currentTimeMillis() - t0;
        long pause = 1000 + random.nextInt((int) Math.max(1, options.killPause().toMillis() - 999));
        if (f.target().equals("broker")) {
            out.printf(
                    "  [%4d s] broker: stopping at %d extracted; services stay up%n",
                    at / 1000, live.extracted());
            long down = platform.restartBroker(options.brokerPause().toMillis());
            out.printf("  [%4d s] broker: up again after %d ms%n", elapsed(), down);
            return new Fault("broker", live.extracted(), at, down, "clean stop", true);
        }
        ServiceProcess p = services.get(f.target());
        String state = "";
        if (f.target().equals("trainer")) {
            state = roundInProgress(trainerData) ? "in a round" : "between rounds";
        }
        int extracted = live.extracted();
        p.kill();
        out.printf(
                "  [%4d s] %s: SIGKILL at %d extracted %s; restart in %d ms%n",
                at / 1000, f.target(), extracted, state, pause);
        Thread.sleep(pause);
        p.start();
        return new Fault(f.target(), extracted, at, pause, state, true);
    }

    private long elapsed() {
        return (System.currentTimeMillis() - t0) / 1000;
    }

    private Thread supervisor(List<ServiceProcess> procs, AtomicBoolean stop) {
        Thread t =
                new Thread(
                        () -> {
                            long ticks = 0;
                            while (!stop.get()) {
                                try {
                                    for (ServiceProcess p : procs) {
                                        ServiceProcess.UnbiddenExit e = p.superviseOnce();
                                        if (e != null) {
                                            out.printf(
                                                    "  [%4d s] %s exited by itself (code %d);"
                                                            + " restarted. Its log ends:%n%s%n",
                                                    e.atMillis() / 1000,
                                                    e.service(),
                                                    e.exitCode(),
                                                    e.log());
                                        }
                                        p.sample(ticks % 20 == 0);
                                    }
                                    ticks++;
                                    Thread.sleep(1000);
                                } catch (InterruptedException e) {
                                    return;
                                } catch (IOException | RuntimeException e) {
                                    out.printf("  supervisor: %s%n", e);
                                }
                            }
                        },
                        "chaos-supervisor");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private Thread submitter(
            ChaosStream stream,
            ChaosPlatform platform,
            Set<String> submitted,
            AtomicLong retries,
            AtomicInteger cursor,
            LiveCounts live,
            AtomicBoolean stop) {
        SubmitClient client =
                new SubmitClient(URI.create(platform.ingestUrl()), platform.submitToken());
        Thread t =
                new Thread(
                        () -> {
                            long interval = (long) (1e9 / options.rate());
                            long next = System.nanoTime();
                            try {
                                for (ChaosStream.Item item : stream.items()) {
                                    long wait = next - System.nanoTime();
                                    if (wait > 0) {
                                        Thread.sleep(wait / 1_000_000);
                                    }
                                    next += interval;
                                    // Stay at most `backlog` reports ahead of the extractor, so
                                    // that the stream lasts as long as the faults do and a
                                    // broker restart also meets ingest in the middle of work.
                                    while (options.backlog() > 0
                                            && submitted.size() - live.extracted()
                                                    >= options.backlog()
                                            && !stop.get()) {
                                        Thread.sleep(200);
                                        next = System.nanoTime();
                                    }
                                    while (!stop.get()) {
                                        SubmitClient.Outcome o = client.submit(item.file());
                                        if (o.accepted()) {
                                            if (!o.reportId().equals(item.reportId())) {
                                                throw new IllegalStateException(
                                                        "ingest gave id " + o.reportId());
                                            }
                                            submitted.add(o.reportId());
                                            break;
                                        }
                                        // 503 while the broker restarts, or no answer: retry.
                                        retries.incrementAndGet();
                                        Thread.sleep(1000);
                                    }
                                    cursor.incrementAndGet();
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "chaos-submitter");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private String drainState(Set<String> submitted, LiveCounts live, Path trainerData)
            throws IOException {
        int extracted = live.extractedOf(submitted);
        int tasks = live.tasks();
        int samples = live.samples();
        int pooled = pooled(trainerData);
        boolean inRound = roundInProgress(trainerData);
        boolean done =
                extracted == submitted.size()
                        && submitted.size() == options.reports()
                        && samples >= tasks
                        && pooled + live.trainerDlq() >= samples
                        && !inRound;
        return String.format(
                "%s: extracted %d/%d, tasks %d, samples %d, pooled %d, round in progress %s,"
                        + " models %d",
                done ? "drained" : "draining",
                extracted,
                submitted.size(),
                tasks,
                samples,
                pooled,
                inRound,
                live.models());
    }

    private void progress(int submittedCount, LiveCounts live, SimulatedReviewer sim) {
        out.printf(
                "  [%4d s] submitted %d/%d, extracted %d, review tasks %d, verified %d"
                        + " (reviewer failures %d), models published %d%n",
                elapsed(),
                submittedCount,
                options.reports(),
                live.extracted(),
                live.tasks(),
                live.samples(),
                sim.failures(),
                live.models());
    }

    private static void awaitHealth(String url, Duration timeout, ServiceProcess p)
            throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r =
                        http.send(
                                java.net.http.HttpRequest.newBuilder(URI.create(url)).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(
                        p.name() + " exited at start; see " + p.logDir().toAbsolutePath());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(p.name() + " not healthy within " + timeout);
    }

    /** Distinct report ids in the trainer's pool file. */
    static int pooled(Path trainerData) throws IOException {
        Path pool = trainerData.resolve("pool.jsonl");
        if (!Files.exists(pool)) {
            return 0;
        }
        Set<String> ids = new java.util.HashSet<>();
        for (String line : Files.readAllLines(pool)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                ids.add(JSON.readTree(line).path("reportId").asText());
            } catch (IOException e) {
                // a line cut by a SIGKILL; the trainer repairs it at start
            }
        }
        return ids.size();
    }

    /** A round with a plan and no line in rounds.jsonl. */
    static boolean roundInProgress(Path trainerData) throws IOException {
        Path rounds = trainerData.resolve("rounds");
        if (!Files.isDirectory(rounds)) {
            return false;
        }
        int planned;
        try (Stream<Path> s = Files.list(rounds)) {
            planned = (int) s.filter(d -> Files.exists(d.resolve("round.json"))).count();
        }
        return planned > roundLines(trainerData).size();
    }

    private static List<JsonNode> roundLines(Path trainerData) throws IOException {
        Path log = trainerData.resolve("rounds.jsonl");
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a torn last line
                }
            }
        }
        return out;
    }

    /** Outcomes the trainer logged per model version (published, refused, already-published). */
    static Map<String, List<String>> roundOutcomes(Path trainerData) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode line : roundLines(trainerData)) {
            out.computeIfAbsent(line.path("version").asText(), k -> new ArrayList<>())
                    .add(line.path("outcome").asText());
        }
        return out;
    }

    private static String describe(List<Fault> plan) {
        StringBuilder b = new StringBuilder();
        for (Fault f : plan) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(f.target()).append('@').append(f.atExtracted());
        }
        return b.toString();
    }

    private static long mb(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024 * 1024);
    }

    private static long benchPeakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        return -1;
    }

    /**
     * Follows extractions, review tasks, verified samples, models and the trainer's DLQ from the
     * beginning ({@code read_committed}) and counts distinct keys: the run's live progress. Keeps
     * polling through a broker restart (the consumer reconnects by itself).
     */
    static final class LiveCounts implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Set<String>> keys = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> records = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        LiveCounts(Map<String, Object> kafka) {
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer =
                    new KafkaConsumer<>(
                            props, new StringDeserializer(), new ByteArrayDeserializer());
            thread = new Thread(this::run, "chaos-live-counts");
            thread.setDaemon(true);
            for (String t : topics()) {
                keys.put(t, ConcurrentHashMap.newKeySet());
                records.put(t, new AtomicInteger());
            }
        }

        private static List<String> topics() {
            return List.of(
                    Topics.EXTRACTIONS,
                    Topics.REVIEW_TASKS,
                    Topics.VERIFIED_SAMPLES,
                    Topics.MODELS,
                    Topics.DLQ_TRAINER);
        }

        LiveCounts start() {
            thread.start();
            return this;
        }

        private void run() {
            try {
                List<TopicPartition> parts = new ArrayList<>();
                for (String t : topics()) {
                    consumer.partitionsFor(t)
                            .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
                }
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        records.get(r.topic()).incrementAndGet();
                        if (r.key() != null) {
                            keys.get(r.topic()).add(r.key());
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }

        int extracted() {
            return keys.get(Topics.EXTRACTIONS).size();
        }

        int extractedOf(Set<String> ids) {
            Set<String> k = keys.get(Topics.EXTRACTIONS);
            return (int) ids.stream().filter(k::contains).count();
        }

        int tasks() {
            return keys.get(Topics.REVIEW_TASKS).size();
        }

        int samples() {
            return keys.get(Topics.VERIFIED_SAMPLES).size();
        }

        int models() {
            return records.get(Topics.MODELS).get();
        }

        int trainerDlq() {
            return records.get(Topics.DLQ_TRAINER).get();
        }

        @Override
        public void close() {
            running.set(false);
            consumer.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
