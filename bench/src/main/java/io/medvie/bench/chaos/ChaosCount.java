package io.medvie.bench.chaos;

import io.medvie.events.ExtractionResult;
import io.medvie.events.ExtractionStatus;
import io.medvie.events.ModelPublished;
import io.medvie.events.ReportSubmitted;
import io.medvie.events.ReviewTask;
import io.medvie.events.VerifiedSample;
import io.medvie.schemas.Topics;
import io.medvie.schemas.kafka.TopicSnapshot;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The end-of-run count: every topic read to its end ({@code read_committed}) and compared with what
 * the bench submitted and what the simulated reviewer was told. Counted, not assumed.
 *
 * <p>What is asserted: each submitted report has exactly one event on {@code medvie.reports} and
 * exactly one extraction; each report routed to review (status NEEDS_REVIEW) has exactly one review
 * task and no other report has one; each review task has exactly one verified sample (the run is
 * drained: the reviewer cleared the queue); every submission the reviewer got a 2xx for has its
 * sample; each published model version appears exactly once on {@code medvie.models}. A submission
 * that got no answer (the service killed between its commit and its answer) is "in doubt": reported
 * with whether its sample exists; its task cannot be lost either way, since an uncommitted submit
 * leaves the task claimed by the reviewer, who gets it back.
 */
public record ChaosCount(
        int submitted,
        int reportEvents,
        List<String> reportDuplicates,
        int extractionEvents,
        int extractedReports,
        List<String> extractionMissing,
        Map<String, Integer> extractionDuplicates,
        List<String> extractionUnexpected,
        int needsReview,
        int reviewTasks,
        Map<String, Integer> reviewTaskDuplicates,
        List<String> routedWithoutTask,
        List<String> taskWithoutRouting,
        int verifiedSamples,
        Map<String, Integer> verifiedDuplicates,
        List<String> tasksWithoutSample,
        int acknowledged,
        List<String> acknowledgedLost,
        int inDoubt,
        int inDoubtWithSample,
        int modelEvents,
        Map<String, Integer> modelVersions,
        Map<String, Integer> dlq,
        List<String> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }

    public static ChaosCount of(
            Map<String, Object> kafka,
            String registryUrl,
            Set<String> submittedIds,
            Set<String> acknowledged,
            Set<String> inDoubt,
            Duration timeout) {
        Map<String, Object> props = new LinkedHashMap<>(kafka);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);

        List<String> problems = new ArrayList<>();
        Map<String, Integer> reports =
                perKey(
                        read(props, Topics.REPORTS, timeout),
                        r -> ((ReportSubmitted) r).getReportId());
        Map<String, Integer> reportDup = over(reports, 1);

        List<ConsumerRecord<String, Object>> extractionRecords =
                read(props, Topics.EXTRACTIONS, timeout);
        Map<String, Integer> extractions =
                perKey(extractionRecords, r -> ((ExtractionResult) r).getReportId());
        Set<String> routed = new TreeSet<>();
        for (ConsumerRecord<String, Object> r : extractionRecords) {
            ExtractionResult e = (ExtractionResult) r.value();
            if (e.getStatus() == ExtractionStatus.NEEDS_REVIEW) {
                routed.add(e.getReportId());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String id : new TreeSet<>(submittedIds)) {
            if (!extractions.containsKey(id)) {
                missing.add(id);
            }
        }
        Map<String, Integer> extractionDup = over(extractions, 1);
        List<String> unexpected =
                extractions.keySet().stream().filter(id -> !submittedIds.contains(id)).toList();

        Map<String, Integer> tasks =
                perKey(
                        read(props, Topics.REVIEW_TASKS, timeout),
                        r -> ((ReviewTask) r).getReportId());
        List<String> routedWithoutTask =
                routed.stream().filter(id -> !tasks.containsKey(id)).toList();
        List<String> taskWithoutRouting =
                tasks.keySet().stream().filter(id -> !routed.contains(id)).toList();

        Map<String, Integer> samples =
                perKey(
                        read(props, Topics.VERIFIED_SAMPLES, timeout),
                        r -> ((VerifiedSample) r).getReportId());
        Map<String, Integer> sampleDup = over(samples, 1);
        List<String> withoutSample =
                tasks.keySet().stream().filter(id -> !samples.containsKey(id)).toList();
        List<String> lost =
                new TreeSet<>(acknowledged)
                        .stream().filter(id -> !samples.containsKey(id)).toList();
        int inDoubtWithSample = (int) inDoubt.stream().filter(samples::containsKey).count();

        Map<String, Integer> models =
                perKey(
                        read(props, Topics.MODELS, timeout),
                        r -> ((ModelPublished) r).getVersion().toString());

        Map<String, Integer> dlq = new TreeMap<>();
        for (String topic :
                List.of(
                        Topics.DLQ_INGEST,
                        Topics.DLQ_EXTRACTOR,
                        Topics.DLQ_REVIEW,
                        Topics.DLQ_TRAINER)) {
            Map<String, Object> raw = new LinkedHashMap<>(kafka);
            dlq.put(
                    topic,
                    TopicSnapshot.readAll(
                                    raw,
                                    topic,
                                    new ByteArrayDeserializer(),
                                    new ByteArrayDeserializer(),
                                    timeout)
                            .size());
        }

        int reportEvents = reports.values().stream().mapToInt(Integer::intValue).sum();
        check(problems, reportDup.isEmpty(), "reports with more than one event: " + reportDup);
        check(
                problems,
                submittedIds.stream().allMatch(reports::containsKey),
                "submitted reports without a report event");
        check(problems, missing.isEmpty(), missing.size() + " reports without extraction");
        check(
                problems,
                extractionDup.isEmpty(),
                "reports with more than one extraction: " + extractionDup);
        check(problems, unexpected.isEmpty(), "extractions of unknown reports: " + unexpected);
        check(
                problems,
                over(tasks, 1).isEmpty(),
                "reports with more than one review task: " + over(tasks, 1));
        check(problems, routedWithoutTask.isEmpty(), "routed without task: " + routedWithoutTask);
        check(
                problems,
                taskWithoutRouting.isEmpty(),
                "task without a NEEDS_REVIEW extraction: " + taskWithoutRouting);
        check(problems, sampleDup.isEmpty(), "reports verified more than once: " + sampleDup);
        check(problems, withoutSample.isEmpty(), "tasks never verified: " + withoutSample);
        check(problems, lost.isEmpty(), "acknowledged submissions without sample: " + lost);
        check(
                problems,
                over(models, 1).isEmpty(),
                "model versions published more than once: " + over(models, 1));
        int dlqTotal = dlq.values().stream().mapToInt(Integer::intValue).sum();
        check(problems, dlqTotal == 0, "dead letters: " + dlq);

        return new ChaosCount(
                submittedIds.size(),
                reportEvents,
                List.copyOf(reportDup.keySet()),
                extractions.values().stream().mapToInt(Integer::intValue).sum(),
                extractions.size(),
                missing,
                extractionDup,
                unexpected,
                routed.size(),
                tasks.values().stream().mapToInt(Integer::intValue).sum(),
                over(tasks, 1),
                routedWithoutTask,
                taskWithoutRouting,
                samples.values().stream().mapToInt(Integer::intValue).sum(),
                sampleDup,
                withoutSample,
                acknowledged.size(),
                lost,
                inDoubt.size(),
                inDoubtWithSample,
                models.values().stream().mapToInt(Integer::intValue).sum(),
                models,
                dlq,
                problems);
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ConsumerRecord<String, Object>> read(
            Map<String, Object> props, String topic, Duration timeout) {
        AvroDeserializer<Object> avro = new AvroDeserializer<>();
        return TopicSnapshot.readAll(props, topic, new StringDeserializer(), avro, timeout);
    }

    private static Map<String, Integer> perKey(
            List<ConsumerRecord<String, Object>> records, Function<Object, CharSequence> key) {
        Map<String, Integer> out = new TreeMap<>();
        for (ConsumerRecord<String, Object> r : records) {
            out.merge(key.apply(r.value()).toString(), 1, Integer::sum);
        }
        return out;
    }

    private static Map<String, Integer> over(Map<String, Integer> counts, int max) {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach(
                (k, v) -> {
                    if (v > max) {
                        out.put(k, v);
                    }
                });
        return out;
    }
}
