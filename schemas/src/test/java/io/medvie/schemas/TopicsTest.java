package io.medvie.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Map<String, Topics.TopicSpec> byName =
            Topics.ALL.stream().collect(Collectors.toMap(Topics.TopicSpec::name, t -> t));

    @Test
    void everyTopicOfTheDesignTableIsDeclaredOnce() {
        assertThat(Topics.ALL).hasSize(byName.size());
        assertThat(byName)
                .containsKeys(
                        "medvie.reports",
                        "medvie.extractions",
                        "medvie.review-tasks",
                        "medvie.verified-samples",
                        "medvie.models",
                        "medvie.quality",
                        "medvie.audit",
                        "medvie.dlq.extractor");
        assertThat(EventTypes.valueSchemas().keySet()).allMatch(byName::containsKey);
    }

    @Test
    void modelsAndQualityAreCompactedAndReportsKeptForever() {
        assertThat(byName.get(Topics.MODELS).compacted()).isTrue();
        assertThat(byName.get(Topics.QUALITY).compacted()).isTrue();
        assertThat(byName.get(Topics.EXTRACTIONS).compacted()).isFalse();
        assertThat(byName.get(Topics.REPORTS).configs()).containsEntry("retention.ms", "-1");
        // What people made, and the audit chain from its first entry, are never aged out.
        assertThat(byName.get(Topics.REVIEW_TASKS).configs()).containsEntry("retention.ms", "-1");
        assertThat(byName.get(Topics.VERIFIED_SAMPLES).configs())
                .containsEntry("retention.ms", "-1");
        assertThat(byName.get(Topics.AUDIT).configs()).containsEntry("retention.ms", "-1");
        for (String dlq :
                List.of(
                        Topics.DLQ_INGEST,
                        Topics.DLQ_EXTRACTOR,
                        Topics.DLQ_TRAINER,
                        Topics.DLQ_REVIEW)) {
            assertThat(byName.get(dlq).configs()).as(dlq).containsEntry("retention.ms", "-1");
        }
    }

    @Test
    void subjectsFollowTheTopicNameStrategy() {
        assertThat(Topics.valueSubject(Topics.REPORTS)).isEqualTo("medvie.reports-value");
        assertThat(Topics.keySubject(Topics.REPORTS)).isEqualTo("medvie.reports-key");
    }
}
