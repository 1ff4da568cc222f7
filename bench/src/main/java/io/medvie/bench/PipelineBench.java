package io.medvie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.bench.ExtractBench.Input;
import io.medvie.bench.ocr.DatasetPages.PageEntry;
import io.medvie.bench.ocr.ProcessMemory;
import io.medvie.broker.EmbeddedKafka;
import io.medvie.events.ReportSource;
import io.medvie.extractor.service.ExtractorConfig;
import io.medvie.extractor.service.ExtractorRuntime;
import io.medvie.ingest.IngestConfig;
import io.medvie.ingest.IngestService;
import io.medvie.ingest.Ingestor;
import io.medvie.ocr.OcrPool;
import io.medvie.ocr.TesseractOcr;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline in this process (embedded broker, schema registry, ingest, one extractor):
 * end-to-end latency of single pages on the idle pipeline, and sustained pages/s of the extractor
 * over a burst against bare Tesseract on the same page images. See docs/benchmarks.md.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description =
                "Embedded broker, registry, ingest and one extractor in this process: latency from"
                        + " submit to the extraction event (read_committed) for single pages one"
                        + " at a time, then pages/s over a burst against bare Tesseract on the"
                        + " same pages.")
public final class PipelineBench implements Callable<Integer> {

    @Option(
            names = "--data",
            required = true,
            description =
                    "Dataset folder (synth layout); each page image is submitted as a"
                            + " single-page report and must be distinct.")
    Path data;

    @Option(
            names = "--count",
            defaultValue = "30",
            description = "Reports for the latency run, one at a time. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(
            names = "--burst",
            defaultValue = "60",
            description = "Reports submitted at once for throughput. Default: ${DEFAULT-VALUE}.")
    int burst;

    @Option(
            names = "--timeout",
            defaultValue = "PT15M",
            description = "Give up waiting for events after this (ISO-8601). Default: 15 min.")
    Duration timeout;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineBench()).execute(args));
    }

    /**
     * The figures of one run.
     *
     * @param latencyMillis submit to visible extraction event, per report, in submission order
     * @param burstSeconds first submit of the burst to its last event
     * @param steadySeconds first event of the burst to its last: the extractor's steady rate
     * @param ocrThreads the extractor's OCR pool size, also the baseline's thread count
     * @param tesseractBeforeSeconds bare Tesseract on the burst's pages, just before the burst
     * @param tesseractAfterSeconds the same, just after it; the ratio uses their mean
     */
    public record Result(
            List<Double> latencyMillis,
            int burst,
            double burstSeconds,
            double steadySeconds,
            int ocrThreads,
            double tesseractBeforeSeconds,
            double tesseractAfterSeconds,
            double startSeconds,
            double loadAverage,
            long heapPeakBytes,
            long rssBytes,
            long peakRssBytes) {

        public double latencyPercentile(double p) {
            double[] sorted = latencyMillis.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return 0;
            }
            // Nearest rank: the smallest value with at least p of the values at or below it.
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        public double extractorPagesPerSecond() {
            return burstSeconds == 0 ? 0 : burst / burstSeconds;
        }

        /** Pages/s between the first and the last event, after the first batch's latency. */
        public double steadyPagesPerSecond() {
            return steadySeconds == 0 ? 0 : (burst - 1) / steadySeconds;
        }

        public double tesseractSeconds() {
            return (tesseractBeforeSeconds + tesseractAfterSeconds) / 2;
        }

        public double tesseractPagesPerSecond() {
            double t = tesseractSeconds();
            return t == 0 ? 0 : burst / t;
        }

        public double ratio() {
            double t = tesseractPagesPerSecond();
            return t == 0 ? 0 : extractorPagesPerSecond() / t;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (count < 1 || burst < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--count and --burst must be at least 1");
        }
        List<PageEntry> pages = ExtractBench.imagePages(data, null);
        int needed = 1 + count + burst;
        if (pages.size() < needed) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--data "
                            + data
                            + " has "
                            + pages.size()
                            + " page images; one warm-up + --count "
                            + count
                            + " + --burst "
                            + burst
                            + " need "
                            + needed
                            + " distinct ones (ingest drops duplicates)");
        }
        Result r = run(pages.get(0), pages.subList(1, 1 + count), pages.subList(1 + count, needed));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(r));
        } else {
            print(out, r);
        }
        out.flush();
        return 0;
    }

    /** Starts the pipeline in a temporary folder, measures, stops it and deletes the folder. */
    public Result run(
            PageEntry warmUpPage, List<PageEntry> latencyPages, List<PageEntry> burstPages)
            throws Exception {
        Input warmUp = Input.of(warmUpPage);
        List<Input> single = latencyPages.stream().map(Input::of).toList();
        List<Input> many = burstPages.stream().map(Input::of).toList();
        Path dir = Files.createTempDirectory("medvie-pipeline-bench");
        try {
            return measure(dir, warmUp, single, many);
        } finally {
            deleteTree(dir);
        }
    }

    private Result measure(Path dir, Input warmUp, List<Input> single, List<Input> many)
            throws Exception {
        long startNanos = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            String bootstrap = kafka.bootstrapServers();
            TopicSetup.ensure(Map.of("bootstrap.servers", bootstrap), Topics.ALL, (short) 1);
            try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrap, 0);
                    IngestService ingest =
                            IngestService.start(
                                    IngestConfig.from(
                                            Settings.of(
                                                    Map.of(
                                                            "kafka.bootstrap.servers", bootstrap,
                                                            "schema.registry.url", registry.url(),
                                                            "medvie.ingest.port", "0",
                                                            "medvie.blob.dir",
                                                                    dir.resolve("blobs").toString(),
                                                            "medvie.ingest.tokens.file",
                                                                    dir.resolve("tokens")
                                                                            .toString()))));
                    ExtractorRuntime extractor =
                            ExtractorRuntime.start(
                                    ExtractorConfig.from(
                                            Settings.of(
                                                    extractorSettings(
                                                            bootstrap, registry.url(), dir))));
                    EventWatch events = EventWatch.start(bootstrap)) {
                double startSeconds = (System.nanoTime() - startNanos) / 1e9;
                Ingestor ingestor = ingest.ingestor();
                Duration wait = timeout;

                // Untimed warm-up of the whole path (first transaction, serde caches, engines).
                events.await(submit(ingestor, warmUp), wait);
                List<Double> latencies = new ArrayList<>();
                for (Input page : single) {
                    long t0 = System.nanoTime();
                    String id = submit(ingestor, page);
                    long seen = events.await(id, wait);
                    latencies.add((seen - t0) / 1e6);
                }

                int ocrThreads = Runtime.getRuntime().availableProcessors();
                double before = tesseractSeconds(many, ocrThreads);
                long b0 = System.nanoTime();
                List<String> ids = new ArrayList<>();
                for (Input page : many) {
                    ids.add(submit(ingestor, page));
                }
                long first = Long.MAX_VALUE;
                long last = 0;
                for (String id : ids) {
                    long seen = events.await(id, wait);
                    first = Math.min(first, seen);
                    last = Math.max(last, seen);
                }
                double after = tesseractSeconds(many, ocrThreads);
                return new Result(
                        latencies,
                        many.size(),
                        (last - b0) / 1e9,
                        (last - first) / 1e9,
                        ocrThreads,
                        before,
                        after,
                        startSeconds,
                        ExtractBench.loadAverage(),
                        ProcessMemory.heapPeak(),
                        ProcessMemory.rss(),
                        ProcessMemory.peakRss());
            }
        }
    }

    private static Map<String, String> extractorSettings(
            String bootstrap, String registryUrl, Path dir) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kafka.bootstrap.servers", bootstrap);
        s.put("schema.registry.url", registryUrl);
        s.put("medvie.blob.dir", dir.resolve("blobs").toString());
        s.put("medvie.extractor.instance.id", "bench-extractor");
        s.put("medvie.extractor.group", "bench-extractor");
        return s;
    }

    private static String submit(Ingestor ingestor, Input page) throws Exception {
        Ingestor.Receipt receipt =
                ingestor.submit(new ByteArrayInputStream(page.bytes()), ReportSource.OTHER);
        if (receipt.duplicate()) {
            throw new IllegalStateException(
                    "report " + receipt.reportId() + " is a duplicate: pages must be distinct");
        }
        return receipt.reportId();
    }

    /** Wall time of bare Tesseract on every page, on a pool the size of the extractor's. */
    static double tesseractSeconds(List<Input> pages, int threads) {
        try (OcrPool pool = new OcrPool(threads, TesseractOcr::create)) {
            // Each worker loads its engine when it starts; wait for that so it is not timed.
            for (int i = 0; i < threads; i++) {
                pool.submit(ocr -> null).join();
            }
            long start = System.nanoTime();
            List<CompletableFuture<Integer>> reads = new ArrayList<>();
            for (Input page : pages) {
                reads.add(pool.submit(ocr -> ExtractBench.baseline(ocr, page)));
            }
            reads.forEach(CompletableFuture::join);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * A read_committed consumer of medvie.extractions on its own thread, noting when each report's
     * event became visible. Values are not decoded: being visible is what is measured.
     */
    static final class EventWatch implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private EventWatch(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
            this.thread = new Thread(this::loop, "bench-event-watch");
        }

        static EventWatch start(String bootstrap) {
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            KafkaConsumer<String, byte[]> consumer =
                    new KafkaConsumer<>(
                            props, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> parts =
                    consumer.partitionsFor(Topics.EXTRACTIONS).stream()
                            .map(p -> new TopicPartition(Topics.EXTRACTIONS, p.partition()))
                            .toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            // Resolve the end offsets now, so nothing submitted later is skipped.
            parts.forEach(consumer::position);
            EventWatch watch = new EventWatch(consumer);
            watch.thread.setDaemon(true);
            watch.thread.start();
            return watch;
        }

        private void loop() {
            try {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        seen.putIfAbsent(r.key(), now);
                    }
                }
            } catch (WakeupException e) {
                if (running.get()) {
                    throw e;
                }
            } finally {
                consumer.close();
            }
        }

        /** When the report's extraction event became visible (System.nanoTime). */
        long await(String reportId, Duration timeout)
                throws TimeoutException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Long t = seen.get(reportId);
                if (t != null) {
                    return t;
                }
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the event consumer stopped");
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(
                            "no extraction event for report " + reportId + " within " + timeout);
                }
                Thread.sleep(2);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            consumer.wakeup();
            thread.join(10_000);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p, e);
                }
            }
        }
    }

    private void print(PrintWriter out, Result r) {
        out.printf(
                Locale.ROOT,
                "pipeline started in %.1f s (broker, registry, ingest, extractor with %d OCR"
                        + " threads)%n",
                r.startSeconds(),
                r.ocrThreads());
        out.printf(
                Locale.ROOT,
                "latency submit->event, %d single pages one at a time: p50 %.0f ms, p99 %.0f ms,"
                        + " max %.0f ms%n",
                r.latencyMillis().size(),
                r.latencyPercentile(0.5),
                r.latencyPercentile(0.99),
                r.latencyPercentile(1.0));
        out.printf(
                Locale.ROOT,
                "burst of %d pages: extractor %.2f pages/s (%.1f s; %.2f pages/s first to last"
                        + " event)%n",
                r.burst(),
                r.extractorPagesPerSecond(),
                r.burstSeconds(),
                r.steadyPagesPerSecond());
        out.printf(
                Locale.ROOT,
                "bare tesseract on the same pages, %d threads: %.2f pages/s (%.1f s before the"
                        + " burst, %.1f s after)%n",
                r.ocrThreads(),
                r.tesseractPagesPerSecond(),
                r.tesseractBeforeSeconds(),
                r.tesseractAfterSeconds());
        out.printf(Locale.ROOT, "ratio extractor/tesseract %.3f%n", r.ratio());
        out.printf(
                Locale.ROOT,
                "heap peak %d MB; RSS %d MB (peak %d MB); load average %.2f%n",
                r.heapPeakBytes() >> 20,
                r.rssBytes() >> 20,
                r.peakRssBytes() >> 20,
                r.loadAverage());
    }

    private String toJson(Result r) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data.toString());
        root.put("start_seconds", r.startSeconds());
        ObjectNode latency = root.putObject("latency_ms");
        latency.put("count", r.latencyMillis().size());
        latency.put("p50", r.latencyPercentile(0.5));
        latency.put("p99", r.latencyPercentile(0.99));
        latency.put("max", r.latencyPercentile(1.0));
        ObjectNode burstNode = root.putObject("burst");
        burstNode.put("pages", r.burst());
        burstNode.put("seconds", r.burstSeconds());
        burstNode.put("extractor_pages_per_second", r.extractorPagesPerSecond());
        burstNode.put("steady_pages_per_second", r.steadyPagesPerSecond());
        burstNode.put("ocr_threads", r.ocrThreads());
        burstNode.put("tesseract_seconds", r.tesseractSeconds());
        burstNode.put("tesseract_seconds_before", r.tesseractBeforeSeconds());
        burstNode.put("tesseract_seconds_after", r.tesseractAfterSeconds());
        burstNode.put("tesseract_pages_per_second", r.tesseractPagesPerSecond());
        burstNode.put("ratio", r.ratio());
        root.put("load_average", r.loadAverage());
        root.put("heap_peak_bytes", r.heapPeakBytes());
        root.put("rss_bytes", r.rssBytes());
        root.put("peak_rss_bytes", r.peakRssBytes());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
