package io.medvie.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.bench.ocr.ProcessMemory;
import io.medvie.broker.EmbeddedKafka;
import io.medvie.extractor.service.ExtractorConfig;
import io.medvie.extractor.service.ExtractorRuntime;
import io.medvie.ingest.IngestConfig;
import io.medvie.ingest.IngestService;
import io.medvie.ingest.auth.Role;
import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.dlq.DeadLetters;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Hostile inputs against a real ingest (HTTP) and a real extractor (Tesseract, the default model)
 * on the embedded broker, all in this process. Every case must end as a 4xx with a JSON reason, or
 * as 202 and then exactly one extraction event or one dead letter carrying the original event bytes
 * and the {@code dlq.*} headers. What breaks that is listed in {@link Result#problems()}.
 */
public final class FuzzRun implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final IngestService ingest;
    private final ExtractorRuntime extractor;
    private final String token;
    private final URI reports;
    private final HttpClient http;
    private final Endings endings;

    /** What became of one accepted report on the topics. */
    public record Ending(int extractions, List<DeadLetter> deadLetters) {}

    /** A dead letter as read back. */
    public record DeadLetter(String errorClass, boolean originalBytes, boolean headersComplete) {}

    /**
     * The figures of a run.
     *
     * @param outcomes per answer ({@code 202 new}, {@code 415 unsupported_type}, ...), how many
     * @param byKind per case family and answer, how many
     * @param deadLetters per error class, how many reports
     * @param problems every broken invariant, one line each; empty when all held
     * @param acceptedReports distinct new reports accepted by ingest
     * @param extracted of those, how many ended as an extraction event
     * @param deadLettered of those, how many ended as a dead letter
     * @param freshExtracted a valid report submitted after all cases was extracted
     * @param canaries texts the cases carried in file names and form fields, never to be logged
     */
    public record Result(
            int cases,
            Map<String, Integer> outcomes,
            Map<String, Map<String, Integer>> byKind,
            Map<String, Integer> deadLetters,
            List<String> problems,
            int acceptedReports,
            int extracted,
            int deadLettered,
            boolean freshExtracted,
            double sendSeconds,
            double settleSeconds,
            double totalSeconds,
            long heapMax,
            long heapPeakSampled,
            long heapAfterGc,
            long rss,
            long peakRss,
            List<String> canaries) {}

    private FuzzRun(
            EmbeddedKafka kafka,
            EmbeddedSchemaRegistry registry,
            IngestService ingest,
            ExtractorRuntime extractor,
            String token) {
        this.kafka = kafka;
        this.registry = registry;
        this.ingest = ingest;
        this.extractor = extractor;
        this.token = token;
        this.reports = URI.create("http://127.0.0.1:" + ingest.port() + "/v1/reports");
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
        this.endings = new Endings(kafka.bootstrapServers());
    }

    /**
     * Starts broker, registry, ingest (upload limit {@code maxBytes}) and one extractor in {@code
     * dir}.
     */
    public static FuzzRun start(Path dir, long maxBytes) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        EmbeddedSchemaRegistry registry = null;
        IngestService ingest = null;
        try {
            TopicSetup.ensure(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.ALL, (short) 1);
            registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
            Map<String, String> props = new HashMap<>();
            props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            props.put("schema.registry.url", registry.url());
            props.put("medvie.ingest.port", "0");
            props.put("medvie.ingest.max.bytes", Long.toString(maxBytes));
            props.put("medvie.blob.dir", dir.resolve("blobs").toString());
            props.put("medvie.ingest.tokens.file", dir.resolve("tokens").toString());
            props.put("medvie.extractor.instance.id", "fuzz-extractor");
            ingest = IngestService.start(IngestConfig.from(Settings.of(props)));
            String token = ingest.tokens().create("fuzz", Role.SUBMITTER);
            ExtractorRuntime extractor =
                    ExtractorRuntime.start(ExtractorConfig.from(Settings.of(props)));
            return new FuzzRun(kafka, registry, ingest, extractor, token);
        } catch (Exception | Error e) {
            if (ingest != null) {
                ingest.close();
            }
            if (registry != null) {
                registry.close();
            }
            kafka.close();
            throw e;
        }
    }

    public int ingestPort() {
        return ingest.port();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Sends every case, waits until each accepted report has ended (or {@code settle} passed), then
     * submits {@code fresh} and waits for its extraction.
     */
    public Result run(
            HostileInputs inputs, int count, byte[] fresh, Duration settle, PrintStream log)
            throws Exception {
        long start = System.nanoTime();
        HeapSampler heap = new HeapSampler();
        heap.start();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Map<String, Integer>> byKind = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, HostileInputs.Case> accepted = new LinkedHashMap<>();
        Set<String> validIds = new java.util.HashSet<>();
        List<String> canaries = new ArrayList<>();
        // Made one at a time: holding all bodies would weigh on the heap being measured.
        for (int i = 0; i < count; i++) {
            HostileInputs.Case c = inputs.get(i);
            if (c.canary() != null) {
                canaries.add(c.canary());
            }
            Answer a = send(c);
            String outcome = a.outcome();
            outcomes.merge(outcome, 1, Integer::sum);
            byKind.computeIfAbsent(c.kind().name(), k -> new TreeMap<>())
                    .merge(outcome, 1, Integer::sum);
            if (a.problem() != null) {
                problems.add("case " + c.index() + " " + c.label() + ": " + a.problem());
            }
            if (a.reportId() != null) {
                if (!a.duplicate()) {
                    accepted.put(a.reportId(), c);
                }
                if (c.kind() == HostileInputs.Kind.VALID) {
                    validIds.add(a.reportId());
                }
            }
            if (log != null && (c.index() + 1) % 250 == 0) {
                log.printf(
                        "fuzz: %d/%d sent, %d accepted%n", c.index() + 1, count, accepted.size());
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;

        long settleStart = System.nanoTime();
        Map<String, Ending> ended = endings.await(accepted.keySet(), settle);
        double settleSeconds = (System.nanoTime() - settleStart) / 1e9;
        int extracted = 0;
        int deadLettered = 0;
        Map<String, Integer> deadLetters = new TreeMap<>();
        for (Map.Entry<String, HostileInputs.Case> e : accepted.entrySet()) {
            Ending end = ended.get(e.getKey());
            String what =
                    "case "
                            + e.getValue().index()
                            + " "
                            + e.getValue().label()
                            + " ("
                            + e.getKey()
                            + ")";
            int n = end == null ? 0 : end.extractions() + end.deadLetters().size();
            if (n != 1) {
                problems.add(
                        what
                                + ": "
                                + n
                                + " endings, expected exactly one"
                                + (end == null ? "" : " " + end));
                continue;
            }
            if (end.extractions() == 1) {
                extracted++;
            } else {
                DeadLetter d = end.deadLetters().get(0);
                deadLettered++;
                deadLetters.merge(d.errorClass(), 1, Integer::sum);
                if (!d.originalBytes() || !d.headersComplete()) {
                    problems.add(what + ": dead letter without its original bytes or headers");
                }
            }
        }
        for (String id : validIds) {
            Ending end = ended.get(id);
            if (end == null || end.extractions() != 1) {
                problems.add("valid report " + id + " was not extracted: " + end);
            }
        }

        // Still healthy: a report none of the cases held goes all the way through.
        Answer last =
                send(
                        new HostileInputs.Case(
                                -1,
                                HostileInputs.Kind.VALID,
                                "fresh",
                                "image/png",
                                fresh,
                                false,
                                null));
        boolean freshExtracted = false;
        if (last.reportId() == null || last.duplicate()) {
            problems.add("the fresh report was not accepted as new: " + last.outcome());
        } else {
            Ending end =
                    endings.await(Set.of(last.reportId()), Duration.ofMinutes(2))
                            .get(last.reportId());
            freshExtracted = end != null && end.extractions() == 1 && end.deadLetters().isEmpty();
            if (!freshExtracted) {
                problems.add("the fresh report was not extracted: " + end);
            }
        }
        heap.stop();
        System.gc();
        long afterGc = ProcessMemory.heapUsed();
        return new Result(
                count,
                outcomes,
                byKind,
                deadLetters,
                problems,
                accepted.size(),
                extracted,
                deadLettered,
                freshExtracted,
                sendSeconds,
                settleSeconds,
                (System.nanoTime() - start) / 1e9,
                ProcessMemory.heapMax(),
                heap.peak(),
                afterGc,
                ProcessMemory.rss(),
                ProcessMemory.peakRss(),
                canaries);
    }

    /** What ingest answered to one case; {@code problem} is null when the answer is acceptable. */
    public record Answer(
            int status, String error, String reportId, boolean duplicate, String problem) {
        String outcome() {
            if (status == 202) {
                return duplicate ? "202 duplicate" : "202 new";
            }
            return status + " " + (error == null ? "-" : error);
        }
    }

    /** Sends one case to {@code POST /v1/reports} and judges the answer. */
    public Answer send(HostileInputs.Case c) {
        HttpRequest.BodyPublisher body =
                c.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(c.body()))
                        : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder request =
                HttpRequest.newBuilder(reports)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .POST(body);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(-1, null, null, false, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, false, "interrupted");
        }
        int status = response.statusCode();
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (status == 202) {
            if (json == null || !json.path("reportId").isTextual()) {
                return new Answer(status, null, null, false, "202 without a receipt");
            }
            return new Answer(
                    status,
                    null,
                    json.get("reportId").asText(),
                    json.path("duplicate").asBoolean(),
                    null);
        }
        String error = json == null ? null : json.path("error").asText(null);
        boolean reasoned = json != null && json.path("reason").isTextual() && error != null;
        String problem = null;
        if (status < 400 || status >= 500) {
            problem = "status " + status + ": " + abbreviate(response.body());
        } else if (!reasoned) {
            problem = "status " + status + " without a JSON reason: " + abbreviate(response.body());
        }
        return new Answer(status, error, null, false, problem);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        endings.close();
        extractor.close();
        ingest.close();
        registry.close();
        kafka.close();
    }

    /** Follows the reports, extractions and extractor DLQ topics from the beginning. */
    private static final class Endings implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<String, byte[]> reportValues = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> extractions = new ConcurrentHashMap<>();
        private final Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLetters =
                new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Endings(String bootstrap) {
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer =
                    new KafkaConsumer<>(
                            props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : List.of(Topics.REPORTS, Topics.EXTRACTIONS, Topics.DLQ_EXTRACTOR)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            thread = new Thread(this::follow, "fuzz-endings");
            thread.setDaemon(true);
            thread.start();
        }

        private void follow() {
            try {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.key() == null) {
                            continue;
                        }
                        String key = new String(r.key(), StandardCharsets.UTF_8);
                        switch (r.topic()) {
                            case Topics.REPORTS -> reportValues.put(key, r.value());
                            case Topics.EXTRACTIONS ->
                                    extractions
                                            .computeIfAbsent(key, k -> new AtomicLong())
                                            .incrementAndGet();
                            default ->
                                    deadLetters
                                            .computeIfAbsent(
                                                    key,
                                                    k ->
                                                            Collections.synchronizedList(
                                                                    new ArrayList<>()))
                                            .add(r);
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }

        private DeadLetter deadLetter(String key, ConsumerRecord<byte[], byte[]> r) {
            byte[] original = reportValues.get(key);
            boolean same = original != null && Arrays.equals(original, r.value());
            boolean headers = true;
            for (String h :
                    List.of(
                            DlqHeaders.ERROR_CLASS,
                            DlqHeaders.ERROR_MESSAGE,
                            DlqHeaders.STAGE,
                            DlqHeaders.ORIGINAL_TOPIC,
                            DlqHeaders.ORIGINAL_OFFSET,
                            DlqHeaders.FAILED_AT)) {
                headers &= DeadLetters.header(r.headers(), h) != null;
            }
            String cls = DeadLetters.header(r.headers(), DlqHeaders.ERROR_CLASS);
            return new DeadLetter(
                    cls == null ? "?" : cls.substring(cls.lastIndexOf('.') + 1), same, headers);
        }

        /**
         * Waits until every id has at least one ending, or the timeout; then waits a little more so
         * a second ending (which would be a bug) has a chance to show.
         */
        Map<String, Ending> await(Set<String> ids, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !ids.stream().allMatch(this::ended)) {
                Thread.sleep(200);
            }
            Thread.sleep(1500);
            Map<String, Ending> out = new HashMap<>();
            for (String id : ids) {
                AtomicLong n = extractions.get(id);
                List<DeadLetter> d = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r :
                        new ArrayList<>(deadLetters.getOrDefault(id, List.of()))) {
                    d.add(deadLetter(id, r));
                }
                if (n != null || !d.isEmpty()) {
                    out.put(id, new Ending(n == null ? 0 : (int) n.get(), List.copyOf(d)));
                }
            }
            return out;
        }

        private boolean ended(String id) {
            return extractions.containsKey(id) || deadLetters.containsKey(id);
        }

        @Override
        public void close() {
            running.set(false);
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The highest heap use seen, sampled every 50 ms, and the pools' own peaks. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread =
                new Thread(
                        () -> {
                            while (running.get()) {
                                peak.accumulateAndGet(ProcessMemory.heapUsed(), Math::max);
                                try {
                                    Thread.sleep(50);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "fuzz-heap");

        void start() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long peak() {
            return Math.max(peak.get(), 0);
        }
    }
}
