package io.medvie.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.blobstore.BlobStore;
import io.medvie.events.ModelPublished;
import io.medvie.extractor.models.ModelSlot;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.artifact.ModelManifest;
import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.decode.Decoder;
import io.medvie.model.eval.EvalReport;
import io.medvie.model.eval.Evaluator;
import io.medvie.model.network.Tagger;
import io.medvie.schemas.json.DocumentSchemas;
import io.medvie.trainer.rl.FieldReward;
import io.medvie.trainer.rl.GrpoConfig;
import io.medvie.trainer.rl.GrpoTrainer;
import io.medvie.trainer.rl.StepMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training rounds, one at a time on their own thread: when the {@link RoundTrigger} says so, plan a
 * round (version, base model, sample ids; written before anything else), train a copy of the base
 * with GRPO (checkpoints every few steps), score candidate and live model on the held-out samples,
 * let the {@link Gate} decide, publish when it says so, and log the round.
 *
 * <p>A round found planned but unfinished at start is resumed: from its gate decision when it has
 * one (then only the publication is left), else from its last checkpoint. Its version is fixed in
 * its plan and checked against {@code medvie.models} before sending, so a round is never published
 * twice, whatever the moment it was killed.
 */
final class Rounds implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Rounds.class);

    private final TrainerConfig config;
    private final SamplePool pool;
    private final ModelSlot<LiveModel> live;
    private final BlobStore blobs;
    private final ModelsTopic models;
    private final TrainerMetrics metrics;
    private final Clock clock;
    private final RoundFiles files;
    private final Decoder decoder = new Decoder();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Instant started;
    private Thread thread;
    private boolean waitingForHeldOut;
    // For a one-line status (the demo's progress line): what a round is doing now (null when no
    // round runs), how the last one ended, and the pool as the trigger last saw it.
    private volatile String activity;
    private volatile String lastOutcome = "no round yet";
    private volatile String poolState = "pool empty";

    /** Thrown from the GRPO listener to stop a round when the service closes. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the trainer is stopping");
        }
    }

    Rounds(
            TrainerConfig config,
            SamplePool pool,
            ModelSlot<LiveModel> live,
            BlobStore blobs,
            ModelsTopic models,
            TrainerMetrics metrics,
            Clock clock) {
        this.config = config;
        this.pool = pool;
        this.live = live;
        this.blobs = blobs;
        this.models = models;
        this.metrics = metrics;
        this.clock = clock;
        this.files = new RoundFiles(config.dataDir());
        this.started = clock.instant();
    }

    Rounds start() {
        thread = new Thread(this::run, "trainer-rounds");
        thread.start();
        return this;
    }

    boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    Throwable failure() {
        return failure.get();
    }

    /** True while a round trains, is gated or is published. */
    boolean roundRunning() {
        return activity != null;
    }

    /** One line: what the current round does, or how the last ended, and the pool. */
    String state() {
        String a = activity;
        return (a != null ? a : lastOutcome) + ", " + poolState;
    }

    private void run() {
        try {
            int unfinished = files.unfinished();
            if (unfinished > 0) {
                runRound(files.read(files.plan(unfinished)));
            }
            while (running.get()) {
                JsonNode plan = planIfDue();
                if (plan != null) {
                    runRound(plan);
                } else {
                    Thread.sleep(500);
                }
            }
        } catch (Stopped | InterruptedException e) {
            log.info("Rounds stopped; an unfinished round resumes at the next start");
        } catch (Throwable e) {
            failure.set(e);
            log.error("Trainer rounds stopped on a fatal failure", e);
        }
    }

    /** Plans (and writes) the next round when the trigger says so; else null. */
    private JsonNode planIfDue() throws IOException {
        List<JsonNode> done = files.finished();
        Set<String> lastIds = new HashSet<>();
        Instant lastAt = started;
        if (!done.isEmpty()) {
            JsonNode last = done.get(done.size() - 1);
            last.path("sample_ids").forEach(id -> lastIds.add(id.asText()));
            lastAt = Instant.parse(last.path("finished_at").asText(started.toString()));
        }
        List<SamplePool.Sample> train = pool.train();
        List<SamplePool.Sample> heldOut = pool.heldOut();
        metrics.pool(train.size(), heldOut.size());
        int fresh = (int) train.stream().filter(s -> !lastIds.contains(s.reportId())).count();
        poolState =
                "pool "
                        + train.size()
                        + " training ("
                        + fresh
                        + " new) + "
                        + heldOut.size()
                        + " held out";
        String why = config.trigger().due(fresh, lastAt, clock.instant());
        if (why == null) {
            return null;
        }
        if (heldOut.size() < config.gate().minHeldOut()) {
            if (!waitingForHeldOut) {
                log.info(
                        "A round is due ({}) but waits: {} held-out samples, the gate needs {}",
                        why,
                        heldOut.size(),
                        config.gate().minHeldOut());
                waitingForHeldOut = true;
            }
            return null;
        }
        waitingForHeldOut = false;
        int round = files.nextRound();
        List<String> trainIds = train.stream().map(SamplePool.Sample::reportId).toList();
        List<String> heldOutIds = heldOut.stream().map(SamplePool.Sample::reportId).toList();
        LiveModel base;
        try (ModelSlot.Handle<LiveModel> h = live.acquire()) {
            base = h.model();
        }
        ObjectNode plan = RoundFiles.MAPPER.createObjectNode();
        plan.put("round", round);
        plan.put("version", ModelVersions.of(round, trainIds));
        plan.put("trigger", why);
        ObjectNode b = plan.putObject("base");
        b.put("version", base.version());
        b.put("blob_uri", base.blobUri());
        b.put("sha256", base.sha256());
        plan.set("grpo", RoundFiles.MAPPER.valueToTree(config.grpo()));
        plan.put("checkpoint_every", config.checkpointEvery());
        plan.put("reward_a", config.rewardA());
        plan.set("train_ids", RoundFiles.MAPPER.valueToTree(trainIds));
        plan.set("heldout_ids", RoundFiles.MAPPER.valueToTree(heldOutIds));
        plan.put("planned_at", clock.instant().toString());
        RoundFiles.writeJson(files.plan(round), plan);
        log.info(
                "Round {} planned: {}; {} training and {} held-out samples, base {}, version {}",
                round,
                why,
                trainIds.size(),
                heldOutIds.size(),
                base.version(),
                plan.path("version").asText());
        return plan;
    }

    private void runRound(JsonNode plan) throws Exception {
        int round = plan.path("round").asInt();
        activity = "round " + round + " starting";
        try {
            runRound(plan, round);
        } finally {
            activity = null;
        }
    }

    private void runRound(JsonNode plan, int round) throws Exception {
        String version = plan.path("version").asText();
        long t0 = System.nanoTime();
        JsonNode gate;
        if (Files.isRegularFile(files.gate(round)) && Files.isRegularFile(files.candidate(round))) {
            log.info("Round {} ({}) was decided before a restart; finishing it", round, version);
            gate = files.read(files.gate(round));
        } else {
            long missing =
                    Stream.concat(stream(plan.path("train_ids")), stream(plan.path("heldout_ids")))
                            .filter(id -> pool.get(id) == null)
                            .count();
            if (missing > 0) {
                abandon(plan, missing + " planned samples are no longer in the pool");
                return;
            }
            gate = trainAndGate(plan);
        }
        activity = "round " + round + " " + gate.path("decision").asText();
        boolean publish = gate.path("decision").asText().equals("publish");
        String outcome = "refused";
        boolean sent = false;
        if (publish) {
            if (models.isPublished(config.modelName(), version)) {
                outcome = "already-published";
                log.info(
                        "Round {}: {} is already on medvie.models; not sent again", round, version);
            } else {
                sendModel(plan, gate);
                outcome = "published";
                sent = true;
            }
        }
        ObjectNode line = RoundFiles.MAPPER.createObjectNode();
        line.put("round", round);
        line.put("version", version);
        line.put("outcome", outcome);
        line.put("decision", gate.path("decision").asText());
        line.put("reason", gate.path("reason").asText());
        line.set("candidate_f1", gate.path("candidate_f1"));
        line.set("live_f1", gate.path("live_f1"));
        line.put("live_version", gate.path("live_version").asText());
        line.set("margin", gate.path("margin"));
        line.set("heldout_docs", gate.path("heldout_docs"));
        line.put("base_version", plan.path("base").path("version").asText());
        line.set("steps", gate.path("summary").path("steps"));
        line.set("resumed_from_step", gate.path("summary").path("resumed_from_step"));
        line.put("train_samples", plan.path("train_ids").size());
        line.put("heldout_samples", plan.path("heldout_ids").size());
        line.set("sample_ids", plan.path("train_ids"));
        line.put("finished_at", clock.instant().toString());
        RoundFiles.append(files.log(), line);
        lastOutcome = "round " + round + " " + outcome + " " + version;
        deleteCheckpoints(round);
        metrics.roundDone(
                new Gate.Decision(
                        publish,
                        gate.path("candidate_f1").asDouble(),
                        gate.path("live_f1").asDouble(),
                        gate.path("margin").asDouble(),
                        gate.path("heldout_docs").asInt(),
                        gate.path("reason").asText()),
                sent);
        log.info(
                "Round {} {}: {} ({}) in {}",
                round,
                outcome,
                version,
                gate.path("reason").asText(),
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
    }

    /**
     * Logs a round that cannot be finished (its samples left the pool, e.g. the pool file was
     * deleted): it is not retried, and the next round is planned from the pool as it is.
     */
    private void abandon(JsonNode plan, String reason) throws IOException {
        int round = plan.path("round").asInt();
        ObjectNode line = RoundFiles.MAPPER.createObjectNode();
        line.put("round", round);
        line.put("version", plan.path("version").asText());
        line.put("outcome", "abandoned");
        line.put("reason", reason);
        line.put("base_version", plan.path("base").path("version").asText());
        line.set("sample_ids", plan.path("train_ids"));
        line.put("finished_at", clock.instant().toString());
        RoundFiles.append(files.log(), line);
        lastOutcome = "round " + round + " abandoned";
        deleteCheckpoints(round);
        log.warn("Round {} abandoned: {}", round, reason);
    }

    private static Stream<String> stream(JsonNode ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.asText()));
        return out.stream();
    }

    /**
     * Trains from the base (or the last checkpoint), scores, decides; writes candidate and gate.
     */
    private JsonNode trainAndGate(JsonNode plan) throws Exception {
        int round = plan.path("round").asInt();
        String version = plan.path("version").asText();
        GrpoConfig grpo = RoundFiles.MAPPER.treeToValue(plan.path("grpo"), GrpoConfig.class);
        int every = plan.path("checkpoint_every").asInt(config.checkpointEvery());
        List<LabeledDocument> train = documents(plan.path("train_ids"));
        List<LabeledDocument> heldOut = documents(plan.path("heldout_ids"));
        byte[] baseBytes = baseArtifact(plan.path("base"));
        long t0 = System.nanoTime();
        try (ModelArtifact.Loaded base = ModelArtifact.read(baseBytes, ai.djl.Device.cpu());
                Tagger reference = base.tagger().copy()) {
            int startStep = 0;
            Tagger policy = base.tagger();
            JsonNode ckpt = null;
            if (Files.isRegularFile(files.checkpoint(round))) {
                ckpt = files.read(files.checkpoint(round));
                Path params = files.roundDir(round).resolve(ckpt.path("file").asText());
                policy =
                        Tagger.load(
                                base.manifest().network(),
                                base.manifest().features(),
                                base.tagger().tags(),
                                ai.djl.Device.cpu(),
                                Files.readAllBytes(params));
                // Steps are 1-based: a checkpoint after step s means s steps are taken.
                startStep = ckpt.path("step").asInt();
                log.info("Round {} resumes from its checkpoint after step {}", round, startStep);
            }
            try {
                GrpoTrainer.Result result =
                        new GrpoTrainer(grpo, reward(plan), decoder)
                                .train(
                                        policy,
                                        reference,
                                        train,
                                        List.of(),
                                        startStep,
                                        listener(round, every));
                return gate(plan, base.manifest(), policy, heldOut, result, startStep, t0);
            } finally {
                if (policy != base.tagger()) {
                    policy.close();
                }
            }
        }
    }

    private GrpoTrainer.Listener listener(int round, int every) {
        return new GrpoTrainer.Listener() {
            @Override
            public void step(StepMetrics m) {
                metrics.stepped(m);
                activity = "round " + round + " step " + m.step() + "/" + m.totalSteps();
                log.info("Round {} {}", round, m.line());
                try {
                    RoundFiles.append(files.steps(round), m.json());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (!running.get()) {
                    throw new Stopped();
                }
            }

            @Override
            public void afterStep(int step, Tagger policy) {
                if (step % every == 0) {
                    try {
                        checkpoint(round, step, policy);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                if (!running.get()) {
                    throw new Stopped();
                }
            }
        };
    }

    /** Saves the policy's parameters after {@code step}, then points checkpoint.json at them. */
    private void checkpoint(int round, int step, Tagger policy) throws IOException {
        String name = "checkpoint-" + step + ".params";
        RoundFiles.writeAtomically(files.roundDir(round).resolve(name), policy.parameters());
        ObjectNode c = RoundFiles.MAPPER.createObjectNode();
        c.put("step", step);
        c.put("file", name);
        c.put("saved_at", clock.instant().toString());
        RoundFiles.writeJson(files.checkpoint(round), c);
        try (Stream<Path> old = Files.list(files.roundDir(round))) {
            for (Path p : old.toList()) {
                String f = p.getFileName().toString();
                if (f.startsWith("checkpoint-") && f.endsWith(".params") && !f.equals(name)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        log.info("Round {} checkpoint after step {}", round, step);
    }

    private void deleteCheckpoints(int round) throws IOException {
        Path dir = files.roundDir(round);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.list(dir)) {
            for (Path p : all.toList()) {
                if (p.getFileName().toString().endsWith(".params")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private JsonNode gate(
            JsonNode plan,
            ModelManifest baseManifest,
            Tagger candidate,
            List<LabeledDocument> heldOut,
            GrpoTrainer.Result result,
            int startStep,
            long t0)
            throws IOException {
        int round = plan.path("round").asInt();
        String version = plan.path("version").asText();
        activity = "round " + round + " gate";
        EvalReport cand = Evaluator.evaluate(candidate, decoder, heldOut);
        EvalReport liveReport;
        String liveVersion;
        try (ModelSlot.Handle<LiveModel> h = live.acquire();
                ModelArtifact.Loaded liveModel = h.model().load()) {
            liveVersion = h.version();
            liveReport = Evaluator.evaluate(liveModel.tagger(), decoder, heldOut);
        }
        Gate.Decision d = config.gate().decide(cand.f1(), liveReport.f1(), heldOut.size());
        log.info(
                "Round {} gate: {} {}: candidate F1 {} (P {} R {}), live {} F1 {}; {}",
                round,
                d.word(),
                version,
                f4(cand.f1()),
                f4(cand.total().precision()),
                f4(cand.total().recall()),
                liveVersion,
                f4(liveReport.f1()),
                d.reason());

        ObjectNode summary = RoundFiles.MAPPER.createObjectNode();
        summary.put("algorithm", "grpo");
        summary.put("reward", "field");
        summary.put("reward_a", reward(plan).a());
        summary.put("round", round);
        summary.put("trigger", plan.path("trigger").asText());
        summary.put("steps", result.steps());
        summary.put("resumed_from_step", startStep);
        summary.set("hyper_parameters", plan.path("grpo"));
        summary.put("train_samples", plan.path("train_ids").size());
        summary.put("heldout_samples", heldOut.size());
        summary.set("heldout_ids", plan.path("heldout_ids"));
        summary.put("base_version", plan.path("base").path("version").asText());
        ObjectNode g = summary.putObject("gate");
        g.put("decision", d.word());
        g.put("candidate_f1", d.candidateF1());
        g.put("candidate_precision", cand.total().precision());
        g.put("candidate_recall", cand.total().recall());
        g.put("live_f1", d.liveF1());
        g.put("live_version", liveVersion);
        g.put("margin", d.margin());
        g.put("heldout_docs", d.heldOutDocs());
        g.put("reason", d.reason());
        summary.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);

        Map<String, Double> m = new LinkedHashMap<>();
        m.put("heldout_f1", cand.f1());
        m.put("heldout_precision", cand.total().precision());
        m.put("heldout_recall", cand.total().recall());
        ModelManifest manifest =
                new ModelManifest(
                        ModelManifest.FORMAT,
                        version,
                        plan.path("base").path("version").asText(),
                        baseManifest.docType(),
                        baseManifest.schemaVersion(),
                        baseManifest.labels(),
                        baseManifest.features(),
                        baseManifest.network(),
                        summary,
                        plan.path("grpo").path("seed").asLong(),
                        m,
                        null,
                        clock.instant().toString());
        RoundFiles.writeAtomically(
                files.candidate(round), ModelArtifact.write(candidate, manifest));

        ObjectNode gate = RoundFiles.MAPPER.createObjectNode();
        gate.put("decision", d.word());
        gate.put("reason", d.reason());
        gate.put("candidate_f1", d.candidateF1());
        gate.put("candidate_precision", cand.total().precision());
        gate.put("candidate_recall", cand.total().recall());
        gate.put("live_f1", d.liveF1());
        gate.put("live_version", liveVersion);
        gate.put("margin", d.margin());
        gate.put("heldout_docs", d.heldOutDocs());
        gate.set("summary", summary);
        RoundFiles.writeJson(files.gate(round), gate);
        return gate;
    }

    private void sendModel(JsonNode plan, JsonNode gate) throws Exception {
        int round = plan.path("round").asInt();
        String version = plan.path("version").asText();
        byte[] artifact = Files.readAllBytes(files.candidate(round));
        BlobStore.BlobRef ref = blobs.put(artifact);
        Map<String, Double> metricsMap = new LinkedHashMap<>();
        metricsMap.put("f1", gate.path("candidate_f1").asDouble());
        metricsMap.put("precision", gate.path("candidate_precision").asDouble());
        metricsMap.put("recall", gate.path("candidate_recall").asDouble());
        metricsMap.put("live_f1", gate.path("live_f1").asDouble());
        List<String> sampleIds = new ArrayList<>();
        plan.path("train_ids").forEach(id -> sampleIds.add(id.asText()));
        ModelPublished event =
                ModelPublished.newBuilder()
                        .setModelName(config.modelName())
                        .setVersion(version)
                        .setParentVersion(plan.path("base").path("version").asText())
                        .setBlobUri(ref.uri())
                        .setSha256(ref.sha256())
                        .setDocType(DocumentSchemas.LAB_REPORT)
                        .setSchemaVersion(ModelArtifact.manifest(artifact).schemaVersion())
                        .setMetrics(metricsMap)
                        .setTrainingSummary(
                                RoundFiles.MAPPER.writeValueAsString(gate.path("summary")))
                        .setSeeds(Map.of("grpo", plan.path("grpo").path("seed").asLong()))
                        .setSampleIds(sampleIds)
                        .setCreatedAt(clock.instant())
                        .build();
        models.publish(event);
        log.info("Round {}: published {} ({}, sha256 {})", round, version, ref.uri(), ref.sha256());
    }

    private byte[] baseArtifact(JsonNode base) throws IOException {
        String uri = base.path("blob_uri").isTextual() ? base.path("blob_uri").asText() : null;
        if (uri == null) {
            return LiveModel.shipped().artifact();
        }
        byte[] bytes = blobs.read(uri);
        String sha = ModelArtifact.sha256(bytes);
        if (!sha.equals(base.path("sha256").asText())) {
            throw new IllegalStateException(
                    "base model "
                            + base.path("version").asText()
                            + " has sha256 "
                            + sha
                            + " in the blob store, the round planned "
                            + base.path("sha256").asText());
        }
        return bytes;
    }

    private List<LabeledDocument> documents(JsonNode ids) {
        List<LabeledDocument> out = new ArrayList<>();
        for (JsonNode id : ids) {
            SamplePool.Sample s = pool.get(id.asText());
            if (s == null) {
                throw new IllegalStateException(
                        "sample " + id.asText() + " of the planned round is not in the pool");
            }
            out.add(s.document());
        }
        return out;
    }

    /** The round's reward, as planned (a resumed round keeps it whatever the settings say now). */
    private FieldReward reward(JsonNode plan) {
        return new FieldReward(plan.path("reward_a").asDouble(config.rewardA()));
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * Stops at the next step; an unfinished round resumes from its checkpoint at the next start.
     */
    @Override
    public void close() {
        running.set(false);
        if (thread != null) {
            try {
                thread.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
