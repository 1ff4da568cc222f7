package io.medvie.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.events.ReviewTask;
import io.medvie.events.VerifiedSample;
import io.medvie.review.sim.SimulatedReviewer;
import io.medvie.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated reviewer through the real review service: it signs in, works the queue, and its
 * submissions become verified samples carrying the true documents (or one wrong value when told to
 * err).
 */
class SimulatedReviewerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse 1";

    @TempDir Path dir;

    @Test
    void reviewsEveryTaskWithTheTruthAndErrsAtTheGivenRate() throws Exception {
        try (TestPlatform platform = new TestPlatform(dir)) {
            Instant t0 = Instant.parse("2026-03-14T08:00:00Z");
            List<ReviewTask> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tasks.add(SampleTasks.png(platform.blobs, "t-" + i, 0.5, t0.plusSeconds(i)));
            }
            platform.publish(tasks);
            // The truth of each report: its printed values (the model document misreads WBC).
            Map<String, JsonNode> truth = new HashMap<>();
            for (ReviewTask t : tasks) {
                JsonNode doc = JSON.readTree(t.getDocument()).deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("tests").get(1))
                        .put("value", "7.9");
                truth.put(t.getReportId(), doc);
            }
            try (ReviewService service =
                    ReviewService.start(
                            platform.config(
                                    Map.of(
                                            ReviewConfig.BOOTSTRAP_ADMIN,
                                            "admin",
                                            ReviewConfig.BOOTSTRAP_ADMIN_PASSWORD,
                                            PASSWORD)))) {
                SimulatedReviewer.createAccount(
                        service.url(), "admin", PASSWORD, "sim", "sim password 1");
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (service.store().board().size() < tasks.size()) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(50);
                }
                // Half the submissions of the second reviewer carry a wrong value.
                try (SimulatedReviewer honest =
                                new SimulatedReviewer(
                                        service.url(),
                                        "sim",
                                        "sim password 1",
                                        truth::get,
                                        0,
                                        1,
                                        Duration.ofMillis(50));
                        SimulatedReviewer sloppy =
                                new SimulatedReviewer(
                                        service.url(),
                                        "sim",
                                        "sim password 1",
                                        truth::get,
                                        1,
                                        2,
                                        Duration.ofMillis(50))) {
                    for (int i = 0; i < 3; i++) {
                        assertThat(honest.reviewOne()).isTrue();
                    }
                    for (int i = 0; i < 3; i++) {
                        assertThat(sloppy.reviewOne()).isTrue();
                    }
                    assertThat(honest.reviewOne()).as("queue empty").isFalse();
                    assertThat(honest.submitted()).isEqualTo(3);
                    assertThat(sloppy.erred()).isEqualTo(3);
                }
                List<VerifiedSample> samples =
                        platform.readAll(Topics.VERIFIED_SAMPLES, VerifiedSample.class);
                assertThat(samples).hasSize(6);
                Set<String> reports = new HashSet<>();
                int exact = 0;
                int offByOne = 0;
                for (VerifiedSample s : samples) {
                    reports.add(s.getReportId());
                    Set<String> want = leaves(truth.get(s.getReportId()), "");
                    Set<String> got = leaves(JSON.readTree(s.getVerifiedDocument()), "");
                    Set<String> missing = new HashSet<>(want);
                    missing.removeAll(got);
                    if (missing.isEmpty() && got.equals(want)) {
                        exact++;
                    } else if (missing.size() == 1) {
                        offByOne++;
                    }
                }
                assertThat(reports).hasSize(6);
                assertThat(exact).isEqualTo(3);
                assertThat(offByOne).isEqualTo(3);
            }
        }
    }

    /** Every leaf as "path=value". */
    private static Set<String> leaves(JsonNode node, String path) {
        Set<String> out = new HashSet<>();
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(
                            e -> out.addAll(leaves(e.getValue(), path + "/" + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(leaves(node.get(i), path + "/" + i));
            }
        } else if (!node.isNull()) {
            out.add(path + "=" + node.asText());
        }
        return out;
    }
}
