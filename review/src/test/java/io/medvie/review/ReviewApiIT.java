package io.medvie.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.events.AuditEvent;
import io.medvie.events.Correction;
import io.medvie.events.ReviewRole;
import io.medvie.events.ReviewState;
import io.medvie.events.ReviewStatus;
import io.medvie.events.ReviewTask;
import io.medvie.events.VerifiedSample;
import io.medvie.review.account.LoginThrottle;
import io.medvie.review.audit.AuditChain;
import io.medvie.schemas.Topics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review API against a real broker and registry: who may do what, claims under contention,
 * leases running out, submitting, and a restart. The tests run in order on one set of tasks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewApiIT {
    private static final Logger log = LoggerFactory.getLogger(ReviewApiIT.class);
    private static final String PASSWORD = "correct horse 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestPlatform platform;
    private ReviewService service;
    private final TestClock clock = new TestClock();
    private ReviewConfig config;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        platform = new TestPlatform(dir);
        Instant t0 = Instant.parse("2026-03-14T08:00:00Z");
        List<ReviewTask> tasks = new ArrayList<>();
        tasks.add(SampleTasks.png(platform.blobs, "t-a", 0.20, t0));
        tasks.add(SampleTasks.pdf(platform.blobs, "t-b", 0.30, t0));
        tasks.add(SampleTasks.png(platform.blobs, "t-c", 0.50, t0.plusSeconds(10)));
        // Same priority as t-c but older: comes before it.
        tasks.add(SampleTasks.png(platform.blobs, "t-d", 0.50, t0.minusSeconds(10)));
        tasks.add(SampleTasks.png(platform.blobs, "t-e", 0.90, t0));
        platform.publish(tasks);
        config =
                platform.config(
                        Map.of(
                                ReviewConfig.BOOTSTRAP_ADMIN,
                                "admin",
                                ReviewConfig.BOOTSTRAP_ADMIN_PASSWORD,
                                PASSWORD));
        service = ReviewService.start(config, clock);
        for (String r : List.of("rita", "rob", "rae")) {
            service.store().saveAccount(r, ReviewRole.REVIEWER, PASSWORD, "admin");
        }
        awaitTasks(service, 5);
    }

    private static void awaitTasks(ReviewService s, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (s.store().board().size() < n) {
            assertThat(System.nanoTime()).as("tasks read in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private WebClient signedIn(String user) throws Exception {
        WebClient c = new WebClient(service.url());
        assertThat(c.login(user, PASSWORD)).as("sign-in of " + user).isEqualTo(303);
        return c;
    }

    @Test
    @Order(1)
    void withoutSessionTheApiAnswers401AndPagesRedirectToLogin() throws Exception {
        WebClient anonymous = new WebClient(service.url());
        for (String path :
                List.of(
                        "/api/queue",
                        "/api/session",
                        "/api/tasks/t-a",
                        "/api/admin/stats",
                        "/api/admin/quality")) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.post("/api/tasks/next", null, "anything").statusCode()).isEqualTo(401);
        for (String path : List.of("/", "/tasks/t-a", "/admin")) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=");
        }
        // A wrong password gets no session.
        assertThat(anonymous.login("rita", "wrong password!")).isEqualTo(401);
        assertThat(anonymous.get("/api/queue").statusCode()).isEqualTo(401);
        // Guessing is slowed down per name, unknown names included.
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(anonymous.login("mallory", "guess " + i)).isEqualTo(401);
        }
        assertThat(anonymous.login("mallory", "guess again")).isEqualTo(429);
    }

    @Test
    @Order(2)
    void aReviewerGets403OnAdminPagesAndTheAdminDoesNot() throws Exception {
        WebClient rita = signedIn("rita");
        assertThat(rita.get("/").statusCode()).isEqualTo(200);
        assertThat(rita.get("/admin").statusCode()).isEqualTo(403);
        assertThat(rita.get("/api/admin/stats").statusCode()).isEqualTo(403);
        assertThat(rita.get("/api/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(rita.get("/api/admin/quality").statusCode()).isEqualTo(403);
        assertThat(
                        rita.post(
                                        "/api/admin/accounts",
                                        Map.of(
                                                "username", "mallory",
                                                "role", "admin",
                                                "password", PASSWORD))
                                .statusCode())
                .isEqualTo(403);
        assertThat(service.store().accounts().get("mallory")).isEmpty();

        WebClient admin = signedIn("admin");
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/admin/stats").statusCode()).isEqualTo(200);
        HttpResponse<String> quality = admin.get("/api/admin/quality");
        assertThat(quality.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(quality.body()).isArray()).isTrue();
        assertThat(WebClient.json(admin.get("/api/admin/accounts")).findValuesAsText("username"))
                .containsExactly("admin", "rae", "rita", "rob");
    }

    @Test
    @Order(3)
    void forgedPostsWithoutTheCsrfTokenFail() throws Exception {
        WebClient rita = signedIn("rita");
        HttpResponse<String> noToken = rita.post("/api/tasks/next", null, null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(WebClient.json(noToken).get("error").asText()).isEqualTo("csrf");
        assertThat(rita.post("/api/tasks/next", null, "forged").statusCode()).isEqualTo(403);
        // A form another site could post: the cookie comes along, the token does not.
        assertThat(rita.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(rita.postForm("/api/tasks/next", Map.of("_csrf", "guess")).statusCode())
                .isEqualTo(403);
        // A token of another session is no good either.
        WebClient rob = signedIn("rob");
        assertThat(rita.post("/api/tasks/next", null, rob.csrf).statusCode()).isEqualTo(403);
        // Nothing was claimed, and the session still works.
        JsonNode queue = WebClient.json(rita.get("/api/queue"));
        assertThat(queue.get("counts").get("claimed").asInt()).isZero();
        // The login form itself needs its token.
        WebClient anonymous = new WebClient(service.url());
        anonymous.get("/login");
        HttpResponse<String> login =
                anonymous.postForm("/login", Map.of("username", "rita", "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(anonymous.get("/api/queue").statusCode()).isEqualTo(401);
        // The session cookie: not readable by scripts, never sent by other sites.
        HttpResponse<String> form = new WebClient(service.url()).get("/login");
        String setCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(setCookie).as("plain HTTP on loopback").doesNotContain("Secure");
    }

    @Test
    @Order(4)
    void reviewersAskingAtOnceGetDifferentTasks() throws Exception {
        List<WebClient> reviewers =
                List.of(signedIn("rita"), signedIn("rob"), signedIn("rae"), signedIn("admin"));
        ExecutorService pool = Executors.newFixedThreadPool(reviewers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (WebClient c : reviewers) {
            Callable<JsonNode> ask =
                    () -> {
                        go.await();
                        HttpResponse<String> r = c.post("/api/tasks/next", null);
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        return WebClient.json(r);
                    };
            answers.add(pool.submit(ask));
        }
        go.countDown();
        Set<String> ids = new HashSet<>();
        long slowest = 0;
        for (Future<JsonNode> f : answers) {
            JsonNode a = f.get();
            ids.add(a.get("taskId").asText());
            slowest = Math.max(slowest, a.get("claimMs").asLong());
        }
        pool.shutdown();
        log.info("Four claims at once: slowest took {} ms under the lock", slowest);
        assertThat(ids).containsExactlyInAnyOrder("t-a", "t-b", "t-d", "t-c");

        // Asking again gives the task one holds, not another.
        WebClient rita = reviewers.get(0);
        JsonNode held = WebClient.json(rita.post("/api/tasks/next", null));
        JsonNode again = WebClient.json(rita.post("/api/tasks/next", null));
        assertThat(again.get("taskId")).isEqualTo(held.get("taskId"));

        // The claims are on the state topic before the answers: committed, one per task.
        List<ReviewState> states = platform.readAll(Topics.REVIEW_STATE, ReviewState.class);
        assertThat(states)
                .filteredOn(s -> s.getStatus() == ReviewStatus.CLAIMED)
                .extracting(ReviewState::getTaskId)
                .containsExactlyInAnyOrder("t-a", "t-b", "t-c", "t-d");

        JsonNode counts = WebClient.json(rita.get("/api/queue")).get("counts");
        assertThat(counts.get("claimed").asInt()).isEqualTo(4);
        assertThat(counts.get("open").asInt()).isEqualTo(1);
        // Another reviewer cannot read a task someone else holds.
        String ritasTask = held.get("taskId").asText();
        WebClient rob = reviewers.get(1);
        assertThat(rob.get("/api/tasks/" + ritasTask).statusCode()).isEqualTo(403);
        assertThat(rob.post("/api/tasks/" + ritasTask + "/skip", null).statusCode()).isEqualTo(409);
    }

    @Test
    @Order(5)
    void aLeaseThatRunsOutReturnsTheTask() throws Exception {
        WebClient rita = signedIn("rita");
        String ritasTask =
                WebClient.json(rita.post("/api/tasks/next", null)).get("taskId").asText();
        clock.advance(config.lease().plusSeconds(1));

        JsonNode counts = WebClient.json(rita.get("/api/queue")).get("counts");
        assertThat(counts.get("claimed").asInt()).isZero();
        assertThat(counts.get("open").asInt()).isEqualTo(5);

        // Rae never claimed a task in this order: she gets the most urgent one back, t-a.
        WebClient rae = signedIn("rae");
        JsonNode raes = WebClient.json(rae.post("/api/tasks/next", null));
        assertThat(raes.get("taskId").asText()).isEqualTo("t-a");
        if (ritasTask.equals("t-a")) {
            assertThat(rita.post("/api/tasks/t-a/renew", null).statusCode()).isEqualTo(409);
        }
        List<AuditEvent> audit = platform.readAll(Topics.AUDIT, AuditEvent.class);
        AuditEvent last =
                audit.stream()
                        .filter(e -> e.getEntityId().equals("t-a") && e.getAction().equals("claim"))
                        .reduce((a, b) -> b)
                        .orElseThrow();
        assertThat(last.getActor()).isEqualTo("rae");
        assertThat(last.getDetails()).containsKey("expiredClaimOf");
    }

    @Test
    @Order(6)
    void submittingWritesTheSampleTheHistoryAndTheAuditTogether() throws Exception {
        WebClient rob = signedIn("rob");
        JsonNode claimed = WebClient.json(rob.post("/api/tasks/next", null));
        String id = claimed.get("taskId").asText();
        JsonNode task = WebClient.json(rob.get("/api/tasks/" + id));
        assertThat(task.get("editable").asBoolean()).isTrue();

        // The page image, rendered when the report is a PDF.
        HttpResponse<byte[]> page = rob.getBytes("/api/tasks/t-b/pages/0");
        if (id.equals("t-b")) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.body()));
            assertThat(image.getWidth()).isBetween(1230, 1250); // A4 at 150 dpi
            assertThat(task.get("boxScale").asDouble()).isEqualTo(0.5);
        }

        ObjectNode doc = (ObjectNode) task.get("document").deepCopy();
        ArrayNode tests = (ArrayNode) doc.get("tests");
        ((ObjectNode) tests.get(1)).put("flag", "X");
        HttpResponse<String> invalid =
                rob.post("/api/tasks/" + id + "/submit", Map.of("document", doc));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(WebClient.json(invalid).get("violations")).isNotEmpty();

        ((ObjectNode) tests.get(1)).remove("flag");
        ((ObjectNode) tests.get(1)).put("value", "7.9");
        ((ObjectNode) doc.get("report")).put("report_id", "LR-77");
        tests.remove(3); // the reviewer removes the Glucose row ...
        ObjectNode added = tests.addObject(); // ... and adds one the model missed
        added.put("name", "Creatinine");
        added.put("value", "71");
        added.put("unit", "umol/L");
        Map<String, Object> body =
                Map.of("document", doc, "rowOrigins", java.util.Arrays.asList(0, 1, 2, null));
        HttpResponse<String> submitted = rob.post("/api/tasks/" + id + "/submit", body);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

        VerifiedSample sample =
                platform.readAll(Topics.VERIFIED_SAMPLES, VerifiedSample.class).stream()
                        .filter(s -> id.equals(s.getTaskId()))
                        .findFirst()
                        .orElseThrow();
        assertThat(sample.getReviewer()).isEqualTo("rob");
        assertThat(sample.getModelDocument()).contains(SampleTasks.MODEL_WBC);
        assertThat(JSON.readTree(sample.getVerifiedDocument())).isEqualTo(doc);
        assertThat(sample.getCorrections())
                .extracting(
                        Correction::getPath,
                        Correction::getModelValue,
                        Correction::getVerifiedValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("tests[1].value", "7.6", "7.9"),
                        org.assertj.core.groups.Tuple.tuple("report.report_id", null, "LR-77"),
                        org.assertj.core.groups.Tuple.tuple("tests[3].name", "Glucose", null),
                        org.assertj.core.groups.Tuple.tuple("tests[3].name", null, "Creatinine"));
        // Rows 0 and 2 were kept as they were: no correction there.
        assertThat(sample.getCorrections())
                .extracting(Correction::getPath)
                .noneMatch(p -> p.startsWith("tests[0]") || p.startsWith("tests[2]"));

        // Done, with every field's history, and the task is no longer the reviewer's to change.
        JsonNode done = WebClient.json(rob.get("/api/tasks/" + id));
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("editable").asBoolean()).isFalse();
        JsonNode history = done.get("history");
        assertThat(history).isNotEmpty();
        JsonNode wbc = null;
        for (JsonNode h : history) {
            if (h.get("path").asText().equals("tests[1].value")) {
                wbc = h;
            }
        }
        assertThat(wbc).isNotNull();
        assertThat(wbc.get("modelValue").asText()).isEqualTo("7.6");
        assertThat(wbc.get("reviewerValue").asText()).isEqualTo("7.9");
        assertThat(wbc.get("reviewer").asText()).isEqualTo("rob");
        assertThat(wbc.get("action").asText()).isEqualTo("CORRECTED");
        assertThat(rob.post("/api/tasks/" + id + "/submit", body).statusCode()).isEqualTo(409);

        // The audit chain of the review service holds together.
        List<AuditEvent> chain =
                platform.readAll(Topics.AUDIT, AuditEvent.class).stream()
                        .filter(e -> e.getEntityType().startsWith(AuditChain.ENTITY_PREFIX))
                        .toList();
        assertThat(chain).extracting(AuditEvent::getAction).contains("login", "claim", "submit");
        assertThat(AuditChain.verify(chain)).isTrue();
        assertThat(chain.get(0).getPreviousHash()).isNull();

        // The admin sees it in the throughput.
        WebClient admin = signedIn("admin");
        JsonNode stats = WebClient.json(admin.get("/api/admin/stats")).get("throughput");
        assertThat(stats.get("doneTotal").asInt()).isEqualTo(1);
        JsonNode valueRate = null;
        for (JsonNode f : stats.get("fields")) {
            if (f.get("field").asText().equals("tests[].value")) {
                valueRate = f;
            }
        }
        assertThat(valueRate).isNotNull();
        assertThat(valueRate.get("corrected").asInt()).isEqualTo(3); // 7.9, removed, added
    }

    @Test
    @Order(7)
    void skippingGivesTheTaskBackButNotToTheSkipper() throws Exception {
        WebClient rae = signedIn("rae");
        String first = WebClient.json(rae.post("/api/tasks/next", null)).get("taskId").asText();
        assertThat(rae.post("/api/tasks/" + first + "/skip", null).statusCode()).isEqualTo(204);
        long asked = System.nanoTime();
        HttpResponse<String> next = rae.post("/api/tasks/next", null);
        log.info(
                "One claim over HTTP in {} ms (claim and commit {} ms)",
                (System.nanoTime() - asked) / 1_000_000,
                WebClient.json(next).get("claimMs").asLong());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(WebClient.json(next).get("taskId").asText()).isNotEqualTo(first);
        WebClient rita = signedIn("rita");
        String ritas = WebClient.json(rita.post("/api/tasks/next", null)).get("taskId").asText();
        assertThat(ritas).isEqualTo(first);
    }

    @Test
    @Order(8)
    void aRestartKeepsTheQueueAndTheDoneTasks() throws Exception {
        WebClient admin = signedIn("admin");
        JsonNode before = WebClient.json(admin.get("/api/queue"));
        List<JsonNode> beforeHistory = new ArrayList<>();
        for (JsonNode d : before.get("done")) {
            beforeHistory.add(
                    WebClient.json(admin.get("/api/tasks/" + d.get("taskId").asText()))
                            .get("history"));
        }
        assertThat(before.get("done")).hasSize(1);
        assertThat(before.get("counts").get("claimed").asInt()).isPositive();

        service.close();
        long started = System.nanoTime();
        service = ReviewService.start(config, clock);
        long restartMs = (System.nanoTime() - started) / 1_000_000;
        log.info("Review service restarted in {} ms", restartMs);

        // Sessions are in memory: the old one is gone, the account is not.
        WebClient oldSession = new WebClient(service.url());
        oldSession.cookie = admin.cookie;
        assertThat(oldSession.get("/api/queue").statusCode()).isEqualTo(401);
        WebClient again = new WebClient(service.url());
        assertThat(again.login("admin", PASSWORD)).isEqualTo(303);
        JsonNode after = WebClient.json(again.get("/api/queue"));
        assertThat(after.get("counts")).isEqualTo(before.get("counts"));
        assertThat(after.get("tasks")).isEqualTo(before.get("tasks"));
        assertThat(after.get("done")).isEqualTo(before.get("done"));
        for (int i = 0; i < beforeHistory.size(); i++) {
            String id = before.get("done").get(i).get("taskId").asText();
            assertThat(WebClient.json(again.get("/api/tasks/" + id)).get("history"))
                    .isEqualTo(beforeHistory.get(i));
        }
        // Claims survive too: rita still holds the task she held.
        WebClient rita = new WebClient(service.url());
        rita.login("rita", PASSWORD);
        String held = null;
        for (JsonNode t : after.get("tasks")) {
            if ("rita".equals(t.get("claimedBy").asText(null))) {
                held = t.get("taskId").asText();
            }
        }
        assertThat(held).isNotNull();
        assertThat(WebClient.json(rita.post("/api/tasks/next", null)).get("taskId").asText())
                .isEqualTo(held);
    }

    @Test
    @Order(9)
    void peopleChangeTheirOwnPasswordAndAdminsDisableOthers() throws Exception {
        String fresh = "a new password 42";
        service.store().saveAccount("pat", ReviewRole.REVIEWER, PASSWORD, "admin");
        WebClient pat = signedIn("pat");
        WebClient patElsewhere = signedIn("pat");

        HttpResponse<String> wrong =
                pat.post(
                        "/api/session/password",
                        Map.of("current", "not my password", "password", fresh));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(
                        pat.post(
                                        "/api/session/password",
                                        Map.of("current", PASSWORD, "password", "short"))
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        pat.post(
                                        "/api/session/password",
                                        Map.of("current", PASSWORD, "password", fresh))
                                .statusCode())
                .isEqualTo(204);
        // This session goes on; the others end; only the new password signs in.
        assertThat(pat.get("/api/queue").statusCode()).isEqualTo(200);
        assertThat(patElsewhere.get("/api/queue").statusCode()).isEqualTo(401);
        assertThat(new WebClient(service.url()).login("pat", PASSWORD)).isEqualTo(401);
        assertThat(new WebClient(service.url()).login("pat", fresh)).isEqualTo(303);

        WebClient rae = signedIn("rae");
        assertThat(
                        rae.post("/api/admin/accounts/pat/disabled", Map.of("disabled", true))
                                .statusCode())
                .isEqualTo(403);
        WebClient admin = signedIn("admin");
        assertThat(
                        admin.post("/api/admin/accounts/admin/disabled", Map.of("disabled", true))
                                .statusCode())
                .as("not one's own account")
                .isEqualTo(400);
        assertThat(
                        admin.post("/api/admin/accounts/nobody/disabled", Map.of("disabled", true))
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        admin.post("/api/admin/accounts/pat/disabled", Map.of("disabled", true))
                                .statusCode())
                .isEqualTo(200);
        assertThat(pat.get("/api/queue").statusCode())
                .as("a disabled user's session")
                .isEqualTo(401);
        assertThat(new WebClient(service.url()).login("pat", fresh)).isEqualTo(401);
        JsonNode accounts = WebClient.json(admin.get("/api/admin/accounts"));
        for (JsonNode a : accounts) {
            assertThat(a.get("disabled").asBoolean())
                    .as(a.get("username").asText())
                    .isEqualTo(a.get("username").asText().equals("pat"));
        }

        assertThat(
                        admin.post("/api/admin/accounts/pat/disabled", Map.of("disabled", false))
                                .statusCode())
                .isEqualTo(200);
        assertThat(new WebClient(service.url()).login("pat", fresh)).isEqualTo(303);
    }
}
