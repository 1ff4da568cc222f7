package io.medvie.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.broker.EmbeddedKafka;
import io.medvie.events.ReviewRole;
import io.medvie.ingest.IngestConfig;
import io.medvie.ingest.IngestService;
import io.medvie.ingest.auth.Role;
import io.medvie.review.ReviewConfig;
import io.medvie.review.ReviewService;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, reliability point 4: every HTTP route of ingest and review, listed here with who may use
 * it, answers 401 without credentials or with made-up ones, 403 with the wrong role or without the
 * CSRF token, and lets the right caller through. The lists are compared with the routes the servers
 * actually serve, so a route added without being listed here fails this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySweepIT {
    private static final String PASSWORD = "correct horse 1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String STATIC_FILE = "review.css";

    /** Who may use a route. */
    enum Access {
        PUBLIC,
        /** ingest bearer token of a submitter (or admin) */
        SUBMITTER,
        /** ingest bearer token of an admin */
        INGEST_ADMIN,
        /** review page for any signed-in user; without a session: redirect to the login form */
        REVIEWER_PAGE,
        ADMIN_PAGE,
        /** review API read */
        REVIEWER_API,
        ADMIN_API,
        /** review API write: session, role and the session's CSRF token */
        REVIEWER_WRITE,
        ADMIN_WRITE,
        /** the login form post: needs the login form's CSRF token */
        LOGIN
    }

    private static final Map<String, Access> INGEST_ROUTES = new LinkedHashMap<>();
    private static final Map<String, Access> REVIEW_ROUTES = new LinkedHashMap<>();

    static {
        INGEST_ROUTES.put("POST /v1/reports", Access.SUBMITTER);
        INGEST_ROUTES.put("GET /v1/reports/{id}", Access.SUBMITTER);
        INGEST_ROUTES.put("GET /v1/admin/stats", Access.INGEST_ADMIN);
        INGEST_ROUTES.put("GET /v1/admin/tokens", Access.INGEST_ADMIN);
        INGEST_ROUTES.put("GET /health", Access.PUBLIC);

        REVIEW_ROUTES.put("GET /login", Access.PUBLIC);
        REVIEW_ROUTES.put("POST /login", Access.LOGIN);
        REVIEW_ROUTES.put("POST /logout", Access.REVIEWER_WRITE);
        REVIEW_ROUTES.put("GET /", Access.REVIEWER_PAGE);
        REVIEW_ROUTES.put("GET /tasks/{id}", Access.REVIEWER_PAGE);
        REVIEW_ROUTES.put("GET /admin", Access.ADMIN_PAGE);
        REVIEW_ROUTES.put("GET /static/{file}", Access.PUBLIC);
        REVIEW_ROUTES.put("GET /health", Access.PUBLIC);
        REVIEW_ROUTES.put("GET /api/session", Access.REVIEWER_API);
        REVIEW_ROUTES.put("POST /api/session/password", Access.REVIEWER_WRITE);
        REVIEW_ROUTES.put("GET /api/queue", Access.REVIEWER_API);
        REVIEW_ROUTES.put("POST /api/tasks/next", Access.REVIEWER_WRITE);
        REVIEW_ROUTES.put("GET /api/tasks/{id}", Access.REVIEWER_API);
        REVIEW_ROUTES.put("GET /api/tasks/{id}/pages/{n}", Access.REVIEWER_API);
        REVIEW_ROUTES.put("POST /api/tasks/{id}/renew", Access.REVIEWER_WRITE);
        REVIEW_ROUTES.put("POST /api/tasks/{id}/skip", Access.REVIEWER_WRITE);
        REVIEW_ROUTES.put("POST /api/tasks/{id}/submit", Access.REVIEWER_WRITE);
        REVIEW_ROUTES.put("GET /api/admin/stats", Access.ADMIN_API);
        REVIEW_ROUTES.put("GET /api/admin/quality", Access.ADMIN_API);
        REVIEW_ROUTES.put("GET /api/admin/accounts", Access.ADMIN_API);
        REVIEW_ROUTES.put("POST /api/admin/accounts", Access.ADMIN_WRITE);
        REVIEW_ROUTES.put("POST /api/admin/accounts/{username}/disabled", Access.ADMIN_WRITE);
    }

    private EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private IngestService ingest;
    private ReviewService review;
    private String submitterToken;
    private String adminToken;
    private final HttpClient http = HttpClient.newBuilder().build();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        TopicSetup.ensure(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.ALL, (short) 1);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        props.put("schema.registry.url", registry.url());
        props.put("medvie.ingest.port", "0");
        props.put("medvie.review.port", "0");
        props.put("medvie.blob.dir", dir.resolve("blobs").toString());
        props.put("medvie.ingest.tokens.file", dir.resolve("tokens").toString());
        props.put(ReviewConfig.BOOTSTRAP_ADMIN, "admin");
        props.put(ReviewConfig.BOOTSTRAP_ADMIN_PASSWORD, PASSWORD);
        ingest = IngestService.start(IngestConfig.from(Settings.of(props)));
        submitterToken = ingest.tokens().create("sweep-submitter", Role.SUBMITTER);
        adminToken = ingest.tokens().create("sweep-admin", Role.ADMIN);
        review = ReviewService.start(ReviewConfig.from(Settings.of(props)));
        review.store().saveAccount("rita", ReviewRole.REVIEWER, PASSWORD, "admin");
    }

    @AfterAll
    void stop() {
        if (review != null) {
            review.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyServedRouteIsListedHere() {
        assertThat(ingest.routes())
                .as("ingest routes: list a new one in INGEST_ROUTES with its access")
                .containsExactlyInAnyOrderElementsOf(INGEST_ROUTES.keySet());
        assertThat(review.routes())
                .as("review routes: list a new one in REVIEW_ROUTES with its access")
                .containsExactlyInAnyOrderElementsOf(REVIEW_ROUTES.keySet());
    }

    @Test
    void ingestRoutesNeedAValidTokenOfTheRightRole() throws Exception {
        String ingestUrl = "http://127.0.0.1:" + ingest.port();
        int checked = 0;
        for (Map.Entry<String, Access> route : INGEST_ROUTES.entrySet()) {
            String method = route.getKey().split(" ")[0];
            String path = fill(route.getKey().split(" ")[1]);
            String what = route.getKey();
            if (route.getValue() == Access.PUBLIC) {
                HttpResponse<String> r = send(ingestUrl, method, path, Map.of(), null);
                assertThat(r.statusCode()).as(what).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).size()).as(what + " carries no data").isOne();
                continue;
            }
            for (String header :
                    List.of(
                            "",
                            "Bearer ",
                            "Bearer mv_made-up-token",
                            "Basic YWRtaW46YWRtaW4=",
                            "Bearer " + submitterToken + "x",
                            submitterToken)) {
                Map<String, String> headers =
                        header.isEmpty() ? Map.of() : Map.of("Authorization", header);
                HttpResponse<String> r = send(ingestUrl, method, path, headers, "x");
                assertThat(r.statusCode()).as(what + " with '" + header + "'").isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).as(what).isPresent();
                assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("unauthorized");
            }
            String right = route.getValue() == Access.INGEST_ADMIN ? adminToken : submitterToken;
            if (route.getValue() == Access.INGEST_ADMIN) {
                HttpResponse<String> r =
                        send(
                                ingestUrl,
                                method,
                                path,
                                Map.of("Authorization", "Bearer " + submitterToken),
                                "x");
                assertThat(r.statusCode()).as(what + " as a submitter").isEqualTo(403);
                assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("forbidden");
            }
            // The right token gets past the guard (whatever the handler then says of "x").
            HttpResponse<String> ok =
                    send(ingestUrl, method, path, Map.of("Authorization", "Bearer " + right), "x");
            assertThat(ok.statusCode()).as(what + " with the right token").isNotIn(401, 403);
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void reviewRoutesNeedASessionOfTheRightRoleAndTheCsrfToken() throws Exception {
        String url = review.url();
        Session none = new Session(null, null);
        Session forged = new Session("forged-session-id", "forged-csrf");
        Session anonymous = anonymous(url);
        Session rita = signIn(url, "rita");
        Session admin = signIn(url, "admin");
        int checked = 0;
        for (Map.Entry<String, Access> route : REVIEW_ROUTES.entrySet()) {
            String method = route.getKey().split(" ")[0];
            String path = fill(route.getKey().split(" ")[1]);
            String what = route.getKey();
            Access access = route.getValue();
            switch (access) {
                case PUBLIC -> {
                    if (path.startsWith("/static/")) {
                        path = "/static/" + STATIC_FILE;
                    }
                    HttpResponse<String> r = send(url, method, path, none.headers(false), null);
                    assertThat(r.statusCode()).as(what).isEqualTo(200);
                    assertThat(r.body()).as(what).doesNotContain("rita");
                }
                case LOGIN -> {
                    // Without the form's token, and with another session's, no sign-in.
                    for (Session s : List.of(none, forged, rita)) {
                        HttpResponse<String> r =
                                form(url, path, s, "rita", PASSWORD, s == rita ? "" : s.csrf);
                        assertThat(r.statusCode()).as(what).isEqualTo(403);
                        assertThat(r.headers().allValues("Location")).isEmpty();
                    }
                    HttpResponse<String> r =
                            form(url, path, anonymous, "rita", "wrong password!", anonymous.csrf);
                    assertThat(r.statusCode()).as(what + " wrong password").isEqualTo(401);
                }
                case REVIEWER_PAGE, ADMIN_PAGE -> {
                    for (Session s : List.of(none, forged, anonymous)) {
                        HttpResponse<String> r = send(url, method, path, s.headers(false), null);
                        assertThat(r.statusCode()).as(what).isEqualTo(302);
                        assertThat(r.headers().firstValue("Location").orElseThrow())
                                .startsWith("/login?next=");
                    }
                    HttpResponse<String> asRita =
                            send(url, method, path, rita.headers(false), null);
                    assertThat(asRita.statusCode())
                            .as(what + " as a reviewer")
                            .isEqualTo(access == Access.ADMIN_PAGE ? 403 : 200);
                    HttpResponse<String> asAdmin =
                            send(url, method, path, admin.headers(false), null);
                    assertThat(asAdmin.statusCode()).as(what + " as admin").isEqualTo(200);
                }
                default -> {
                    boolean write = access == Access.REVIEWER_WRITE || access == Access.ADMIN_WRITE;
                    boolean adminOnly = access == Access.ADMIN_API || access == Access.ADMIN_WRITE;
                    for (Session s : List.of(none, forged, anonymous)) {
                        HttpResponse<String> r = send(url, method, path, s.headers(write), "{}");
                        assertThat(r.statusCode()).as(what + " without a session").isEqualTo(401);
                        assertThat(JSON.readTree(r.body()).get("error").asText())
                                .isEqualTo("unauthorized");
                    }
                    Session right = adminOnly ? admin : rita;
                    if (adminOnly) {
                        HttpResponse<String> r = send(url, method, path, rita.headers(write), "{}");
                        assertThat(r.statusCode()).as(what + " as a reviewer").isEqualTo(403);
                    }
                    if (write) {
                        Map<String, String> noToken = right.headers(false);
                        assertThat(send(url, method, path, noToken, "{}").statusCode())
                                .as(what + " without the CSRF token")
                                .isEqualTo(403);
                        Map<String, String> otherToken = new HashMap<>(noToken);
                        otherToken.put("X-CSRF-Token", (right == admin ? rita : admin).csrf);
                        assertThat(send(url, method, path, otherToken, "{}").statusCode())
                                .as(what + " with another session's CSRF token")
                                .isEqualTo(403);
                    }
                    if (!path.equals("/logout")) {
                        HttpResponse<String> ok =
                                send(url, method, path, right.headers(write), "{}");
                        assertThat(ok.statusCode())
                                .as(what + " with the right session")
                                .isNotIn(401, 403);
                    }
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(REVIEW_ROUTES.size());
        // Last: signing out ends the session; its cookie opens nothing afterwards.
        assertThat(send(url, "POST", "/logout", rita.headers(true), "").statusCode())
                .isEqualTo(204);
        assertThat(send(url, "GET", "/api/queue", rita.headers(false), null).statusCode())
                .isEqualTo(401);
    }

    /**
     * Point 3 for the review API: hostile JSON and form bodies (not JSON, deep nesting, huge
     * strings, NUL and lone surrogates, wrong types, odd user names) get a 4xx, never a 5xx; no
     * account is created from them, and the service answers normally afterwards.
     */
    @Test
    void hostileBodiesToTheReviewApiGet4xxAndChangeNothing() throws Exception {
        String url = review.url();
        Session admin = signIn(url, "admin");
        int before = review.store().accounts().list().size();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        List<String> bodies = new java.util.ArrayList<>();
        bodies.add("");
        bodies.add("not json");
        bodies.add("[]");
        bodies.add("null");
        bodies.add("\"string\"");
        bodies.add("[".repeat(100_000));
        bodies.add("{\"a\":".repeat(50_000));
        bodies.add("{\"document\": \"" + "x".repeat(2_000_000) + "\"}");
        bodies.add("{\"document\": {\"patient\": {\"name\": \"\\u0000\\ud800\"}}}");
        bodies.add("{\"document\": 1e999999, \"rowOrigins\": [1e999, -1, \"x\", null]}");
        bodies.add("{\"document\": {}, \"rowOrigins\": {\"0\": 1}}");
        String[] names = {
            "",
            "a",
            "\\u0000admin",
            "admin\\u202e",
            "\u00e9\u00e9\u00e9\u00e9",
            "x".repeat(100_000),
            "../../etc",
            "Admin",
            "rita; drop",
            "\\ud83e\\udda0"
        };
        for (String name : names) {
            for (String role : List.of("admin", "reviewer", "root", "")) {
                bodies.add(
                        "{\"username\": \""
                                + name
                                + "\", \"role\": \""
                                + role
                                + "\", \"password\": \""
                                + (rng.nextBoolean() ? "short" : "p".repeat(10 + rng.nextInt(200)))
                                + "\"}");
            }
        }
        bodies.add("{\"username\": 7, \"role\": [\"admin\"], \"password\": {}}");
        int sent = 0;
        for (String body : bodies) {
            for (String path : List.of("/api/admin/accounts", "/api/tasks/t-unknown/submit")) {
                HttpResponse<String> r = send(url, "POST", path, admin.headers(true), body);
                String what = path + " <- " + body.substring(0, Math.min(80, body.length()));
                assertThat(r.statusCode()).as(what).isBetween(400, 499);
                assertThat(JSON.readTree(r.body()).path("error").isTextual())
                        .as(what + " has a JSON reason: " + r.body())
                        .isTrue();
                sent++;
            }
        }
        // The sign-in form with odd and huge fields: refused, never a server error.
        for (String name : names) {
            Session anon = anonymous(url);
            HttpResponse<String> r =
                    form(url, "/login", anon, name, "y".repeat(rng.nextInt(300_000)), anon.csrf);
            assertThat(r.statusCode())
                    .as("login as " + name.length() + " chars")
                    .isBetween(400, 499);
            sent++;
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(review.store().accounts().list()).hasSize(before);
        assertThat(send(url, "GET", "/health", Map.of(), null).statusCode()).isEqualTo(200);
        assertThat(send(url, "GET", "/api/queue", admin.headers(false), null).statusCode())
                .isEqualTo(200);
    }

    /** A session cookie and its CSRF token; both null for none. */
    private record Session(String cookie, String csrf) {
        Map<String, String> headers(boolean withCsrf) {
            Map<String, String> h = new HashMap<>();
            if (cookie != null) {
                h.put("Cookie", "medvie_review=" + cookie);
            }
            if (withCsrf && csrf != null) {
                h.put("X-CSRF-Token", csrf);
            }
            h.put("Content-Type", "application/json");
            return h;
        }
    }

    private Session anonymous(String url) throws Exception {
        HttpResponse<String> form = send(url, "GET", "/login", Map.of(), null);
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).as("login form token").isTrue();
        return new Session(cookie(form), m.group(1));
    }

    private Session signIn(String url, String user) throws Exception {
        Session anon = anonymous(url);
        HttpResponse<String> r = form(url, "/login", anon, user, PASSWORD, anon.csrf);
        assertThat(r.statusCode()).as("sign-in of " + user).isEqualTo(303);
        String cookie = cookie(r);
        JsonNode session =
                JSON.readTree(
                        send(
                                        url,
                                        "GET",
                                        "/api/session",
                                        new Session(cookie, null).headers(false),
                                        null)
                                .body());
        return new Session(cookie, session.get("csrf").asText());
    }

    private static String cookie(HttpResponse<String> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(set.indexOf('=') + 1, set.indexOf(';'));
    }

    private HttpResponse<String> form(
            String url, String path, Session s, String user, String password, String csrf)
            throws IOException, InterruptedException {
        String body =
                "username="
                        + enc(user)
                        + "&password="
                        + enc(password)
                        + "&next=%2F"
                        + (csrf == null ? "" : "&_csrf=" + enc(csrf));
        Map<String, String> headers = new HashMap<>();
        if (s.cookie != null) {
            headers.put("Cookie", "medvie_review=" + s.cookie);
        }
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return send(url, "POST", path, headers, body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String fill(String path) {
        return path.replace("{id}", "t-unknown")
                .replace("{username}", "nobody")
                .replace("{n}", "0")
                .replace("{file}", "x.js");
    }

    private HttpResponse<String> send(
            String base, String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        if (method.equals("POST")) {
            b.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        } else {
            b.GET();
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
