package io.medvie.schemas;

import java.util.List;
import java.util.Map;

/** Every Kafka topic of medvie, declared once: names, partitions, cleanup policy. */
public final class Topics {
    public static final String REPORTS = "medvie.reports";
    public static final String EXTRACTIONS = "medvie.extractions";
    public static final String REVIEW_TASKS = "medvie.review-tasks";
    public static final String VERIFIED_SAMPLES = "medvie.verified-samples";
    public static final String MODELS = "medvie.models";
    public static final String QUALITY = "medvie.quality";
    public static final String AUDIT = "medvie.audit";

    /** Review task state (open, claimed, done), the latest per task id. */
    public static final String REVIEW_STATE = "medvie.review-state";

    /** Review UI accounts, the latest per user name. */
    public static final String REVIEW_ACCOUNTS = "medvie.review-accounts";

    public static final String DLQ_PREFIX = "medvie.dlq.";
    public static final String DLQ_INGEST = DLQ_PREFIX + Stage.INGEST;
    public static final String DLQ_EXTRACTOR = DLQ_PREFIX + Stage.EXTRACTOR;
    public static final String DLQ_TRAINER = DLQ_PREFIX + Stage.TRAINER;
    public static final String DLQ_REVIEW = DLQ_PREFIX + Stage.REVIEW;

    /** Where the embedded schema registry keeps its log: one partition, compacted. */
    public static final String SCHEMAS = "_schemas";

    /** The embedded registry's log topic, created with the others so it is ready at its start. */
    public static final TopicSpec SCHEMAS_TOPIC = new TopicSpec(SCHEMAS, 1, true);

    /** The pipeline stages that own a dead-letter topic. */
    public static final class Stage {
        public static final String INGEST = "ingest";
        public static final String EXTRACTOR = "extractor";
        public static final String TRAINER = "trainer";
        public static final String REVIEW = "review";

        private Stage() {}
    }

    /** How a topic is created when missing. */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
        TopicSpec(String name, int partitions, boolean compacted) {
            this(name, partitions, compacted ? Map.of("cleanup.policy", "compact") : Map.of());
        }

        public boolean compacted() {
            return "compact".equals(configs.get("cleanup.policy"));
        }
    }

    /** A topic's configs when it is never aged out. */
    private static final Map<String, String> KEEP = Map.of("retention.ms", "-1");

    /**
     * The topics created at platform start. Partition counts bound how many extractors of one
     * consumer group can work in parallel.
     */
    public static final List<TopicSpec> ALL =
            List.of(
                    // Kept forever: ingest rebuilds "which bytes were announced" from it, so that
                    // the same bytes never give a second event however late they come again.
                    // Claim-check events are a few hundred bytes: a million reports is ~0.3 GB.
                    new TopicSpec(REPORTS, 6, KEEP),
                    new TopicSpec(EXTRACTIONS, 6, false),
                    // Kept forever: the review queue is rebuilt from it at the review service's
                    // start, and a task waiting longer than a retention period must not vanish.
                    new TopicSpec(REVIEW_TASKS, 3, KEEP),
                    // Kept forever: reviewers' work, the training data. A trainer started on an
                    // empty data directory (a new host, a second instance) rebuilds its pool and
                    // held-out set from the whole topic.
                    new TopicSpec(VERIFIED_SAMPLES, 3, KEEP),
                    new TopicSpec(MODELS, 1, true),
                    new TopicSpec(QUALITY, 3, true),
                    // Kept forever: a hash chain from its first entry; `medvie audit verify`
                    // checks it whole, and a retention period would cut its head off.
                    new TopicSpec(AUDIT, 1, KEEP),
                    // Compacted and read whole at the review service's start: one partition keeps
                    // every change of a task in order.
                    new TopicSpec(REVIEW_STATE, 1, true),
                    new TopicSpec(REVIEW_ACCOUNTS, 1, true),
                    // Kept forever: a dead letter waits for a person (medvie dlq list, replay)
                    // however long that takes; letters are events, not report bytes.
                    new TopicSpec(DLQ_INGEST, 1, KEEP),
                    new TopicSpec(DLQ_EXTRACTOR, 1, KEEP),
                    new TopicSpec(DLQ_TRAINER, 1, KEEP),
                    new TopicSpec(DLQ_REVIEW, 1, KEEP));

    /** The registry subject of a topic's values (Confluent's TopicNameStrategy). */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    /** The registry subject of a topic's keys (Confluent's TopicNameStrategy). */
    public static String keySubject(String topic) {
        return topic + "-key";
    }

    private Topics() {}
}
