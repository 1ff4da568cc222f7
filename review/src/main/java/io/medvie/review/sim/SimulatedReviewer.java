package io.medvie.review.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reviewer played by a program, for the demo and the reliability runs: it signs in to the review
 * UI like a person (login form, session cookie, CSRF token), claims the most urgent task, and
 * submits the report's true document, known from the synthetic generator, with one value made wrong
 * at a configured rate (people err too). Everything goes through the real review API, so the
 * verified samples, review states and audit events it causes are the real ones.
 */
public final class SimulatedReviewer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatedReviewer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Session session;
    private final Function<String, JsonNode> truth;
    private final double errorRate;
    private final Random random;
    private final Duration idle;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong erred = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> inDoubt = ConcurrentHashMap.newKeySet();
    private Thread thread;

    /**
     * @param baseUrl the review UI, e.g. {@code http://127.0.0.1:8080}
     * @param truth the true document of a report id, or null when unknown (the task is skipped)
     * @param errorRate share of submissions with one value made wrong, in [0, 1]
     * @param idle pause when the queue is empty
     */
    public SimulatedReviewer(
            String baseUrl,
            String username,
            String password,
            Function<String, JsonNode> truth,
            double errorRate,
            long seed,
            Duration idle) {
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error rate must be in [0, 1], got " + errorRate);
        }
        this.session = new Session(baseUrl, username, password);
        this.truth = truth;
        this.errorRate = errorRate;
        this.random = new Random(seed);
        this.idle = idle;
    }

    /**
     * Creates or replaces a reviewer account, signed in as an admin.
     *
     * @throws IOException when the admin cannot sign in or the account is refused
     */
    public static void createAccount(
            String baseUrl, String admin, String adminPassword, String username, String password)
            throws IOException, InterruptedException {
        Session s = new Session(baseUrl, admin, adminPassword);
        s.login();
        HttpResponse<String> r =
                s.post(
                        "/api/admin/accounts",
                        Map.of("username", username, "role", "reviewer", "password", password));
        if (r.statusCode() / 100 != 2) {
            throw new IOException(
                    "account " + username + " refused: " + r.statusCode() + " " + r.body());
        }
    }

    /** Starts reviewing on a daemon thread. */
    public SimulatedReviewer start() {
        thread = new Thread(this::loop, "simulated-reviewer-" + session.username);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /**
     * Reviews one task if there is one.
     *
     * @return false when the queue was empty, or held only tasks it had already given back
     */
    public boolean reviewOne() throws IOException, InterruptedException {
        if (session.cookie == null) {
            session.login();
        }
        HttpResponse<String> next = session.post("/api/tasks/next", Map.of());
        if (next.statusCode() == 204) {
            return false;
        }
        if (next.statusCode() == 401 || next.statusCode() == 403) {
            session.cookie = null; // the service restarted: sessions are in memory
            return true;
        }
        ensure(next, "claim");
        String taskId = JSON.readTree(next.body()).get("taskId").asText();
        JsonNode task = JSON.readTree(ensure(session.get("/api/tasks/" + taskId), "read").body());
        JsonNode document = truth.apply(task.get("reportId").asText());
        if (document == null) {
            // Not ours to verify (a report without known truth): give it back for a person, and
            // count the queue as empty when only such tasks are left.
            ensure(session.post("/api/tasks/" + taskId + "/skip", Map.of()), "skip");
            skipped.incrementAndGet();
            return unknown.add(taskId);
        }
        ObjectNode verified = document.deepCopy();
        if (random.nextDouble() < errorRate && corruptOneValue(verified, random)) {
            erred.incrementAndGet();
        }
        String reportId = task.get("reportId").asText();
        HttpResponse<String> answer;
        try {
            answer = session.post("/api/tasks/" + taskId + "/submit", Map.of("document", verified));
        } catch (IOException e) {
            // No answer (the service died, or the connection broke): the sample may or may not
            // have been committed. The task is still ours if it was not; we will get it back.
            inDoubt.add(reportId);
            throw e;
        }
        if (answer.statusCode() / 100 != 2) {
            inDoubt.add(reportId);
        }
        ensure(answer, "submit");
        acknowledged.add(reportId);
        inDoubt.remove(reportId);
        submitted.incrementAndGet();
        return true;
    }

    private void loop() {
        while (running.get()) {
            try {
                if (!reviewOne()) {
                    Thread.sleep(idle.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
                session.cookie = null;
                log.warn("simulated reviewer: {}; retrying", e.getMessage());
                try {
                    Thread.sleep(Math.max(500, idle.toMillis()));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Makes one leaf value wrong: a character of a value changed. Returns false for a document
     * without any value.
     */
    static boolean corruptOneValue(ObjectNode document, Random random) {
        List<Object[]> leaves = new ArrayList<>();
        collect(document, leaves);
        if (leaves.isEmpty()) {
            return false;
        }
        Object[] leaf = leaves.get(random.nextInt(leaves.size()));
        ObjectNode parent = (ObjectNode) leaf[0];
        String key = (String) leaf[1];
        String value = parent.get(key).asText();
        if (key.equals("sex") || key.equals("flag")) {
            parent.remove(key); // enums: a wrong value would not validate; a missed one does
            return true;
        }
        int i = random.nextInt(Math.max(1, value.length()));
        char c = value.isEmpty() ? 'x' : value.charAt(i);
        char wrong = Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10) : 'x';
        parent.put(
                key,
                value.isEmpty() ? "x" : value.substring(0, i) + wrong + value.substring(i + 1));
        return true;
    }

    private static void collect(JsonNode node, List<Object[]> out) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.add(new Object[] {o, e.getKey()});
                } else {
                    collect(e.getValue(), out);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> collect(n, out));
        }
    }

    private static HttpResponse<String> ensure(HttpResponse<String> r, String what)
            throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw new IOException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    public long submitted() {
        return submitted.get();
    }

    /** Submissions with a value made wrong on purpose. */
    public long erred() {
        return erred.get();
    }

    public long skipped() {
        return skipped.get();
    }

    /** Distinct tasks it could not verify (no known truth) and left in the queue. */
    public int unknownTasks() {
        return unknown.size();
    }

    public long failures() {
        return failures.get();
    }

    /**
     * Report ids whose submission the review service answered with 2xx: each must have a sample.
     */
    public Set<String> acknowledgedReports() {
        return Set.copyOf(acknowledged);
    }

    /**
     * Report ids whose last submission got no answer or an error and were not acknowledged since:
     * their sample may or may not exist (a crash between the commit and the answer).
     */
    public Set<String> inDoubtReports() {
        return Set.copyOf(inDoubt);
    }

    @Override
    public void close() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A signed-in browser session over plain HTTP. */
    private static final class Session {
        final String base;
        final String username;
        final String password;
        final HttpClient http =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
        volatile String cookie;
        volatile String csrf;

        Session(String base, String username, String password) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            this.username = username;
            this.password = password;
        }

        void login() throws IOException, InterruptedException {
            cookie = null;
            HttpResponse<String> form = get("/login");
            Matcher m = CSRF.matcher(form.body());
            if (!m.find()) {
                throw new IOException("the login page has no CSRF token");
            }
            String body =
                    "username="
                            + enc(username)
                            + "&password="
                            + enc(password)
                            + "&_csrf="
                            + enc(m.group(1))
                            + "&next=%2F";
            HttpResponse<String> posted =
                    send(
                            HttpRequest.newBuilder(URI.create(base + "/login"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (posted.statusCode() != 303) {
                throw new IOException(
                        "sign-in as " + username + " refused: " + posted.statusCode());
            }
            csrf =
                    JSON.readTree(ensure(get("/api/session"), "session").body())
                            .get("csrf")
                            .asText();
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, Object body)
                throws IOException, InterruptedException {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            JSON.writeValueAsString(body)));
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            return send(b);
        }

        private HttpResponse<String> send(HttpRequest.Builder b)
                throws IOException, InterruptedException {
            b.timeout(Duration.ofSeconds(30));
            String c = cookie;
            if (c != null) {
                b.header("Cookie", c);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                if (pair.startsWith("medvie_review=")) {
                    cookie = pair.endsWith("=") ? null : pair;
                }
            }
            return r;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
