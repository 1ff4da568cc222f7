package io.medvie.review.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import io.medvie.events.Box;
import io.medvie.events.ExtractedField;
import io.medvie.events.FieldCheck;
import io.medvie.events.FieldHistory;
import io.medvie.events.ReviewAccount;
import io.medvie.events.ReviewRole;
import io.medvie.events.ReviewState;
import io.medvie.events.ReviewTask;
import io.medvie.review.ReviewStore;
import io.medvie.review.account.Accounts;
import io.medvie.review.account.Accounts.Principal;
import io.medvie.review.account.LoginThrottle;
import io.medvie.review.audit.AuditChain;
import io.medvie.review.queue.TaskBoard;
import io.medvie.review.queue.TaskBoard.Item;
import io.medvie.review.state.StateWriter.WriteFailedException;
import io.medvie.review.stats.Throughput;
import io.medvie.review.task.PageImages;
import io.medvie.review.task.TaskService;
import io.medvie.review.task.TaskService.InvalidDocumentException;
import io.medvie.review.task.TaskService.TaskConflictException;
import io.medvie.review.task.TaskService.TaskNotFoundException;
import io.medvie.schemas.quality.QualityView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review web UI and its API. Pages and API need a session; the role each needs is listed with
 * the route. Every state-changing request must carry the session's CSRF token ({@link Sessions}).
 *
 * <pre>
 * GET  /login                      none      sign-in form
 * POST /login                      none      form: username, password, _csrf, next (429 when
 *                                            the name failed too often: {@link LoginThrottle})
 * POST /logout                     reviewer  form or header token
 * GET  /                           reviewer  the queue
 * GET  /tasks/{id}                 reviewer  the task view
 * GET  /admin                      admin     throughput and accounts
 * GET  /static/{file}              none      CSS and JS modules (no data)
 * GET  /health                     none      liveness, carries no data
 * GET  /api/session                reviewer  who am I, and the CSRF token
 * POST /api/session/password       reviewer  {current, password}: change one's own password (403
 *                                            when current is wrong, 429 as sign-in throttles);
 *                                            the user's other sessions end
 * GET  /api/queue                  reviewer  counts, the queue in order, recently done
 * POST /api/tasks/next             reviewer  claim the most urgent task (or the one held): 200 / 204
 * GET  /api/tasks/{id}             reviewer  a task its caller holds or did (admin: any)
 * GET  /api/tasks/{id}/pages/{n}   reviewer  the page image
 * POST /api/tasks/{id}/renew       reviewer  extend the claim's lease
 * POST /api/tasks/{id}/skip        reviewer  give the task back
 * POST /api/tasks/{id}/submit      reviewer  {document, rowOrigins}: the verified document
 * GET  /api/admin/stats            admin     throughput
 * GET  /api/admin/quality          admin     measured accuracy per model version and field
 *                                            (medvie.quality, written by the quality app)
 * GET  /api/admin/accounts         admin     accounts (never their hashes)
 * POST /api/admin/accounts         admin     {username, role, password}: create or replace
 * POST /api/admin/accounts/{username}/disabled
 *                                  admin     {disabled}: disable (its sessions end) or enable an
 *                                            account; not one's own
 * </pre>
 */
public final class ReviewHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReviewHttpServer.class);

    public static final String COOKIE = "medvie_review";
    private static final String STATIC = "/io/medvie/review/web/static/";
    private static final String PAGES = "/io/medvie/review/web/pages/";
    private static final Map<String, String> STATIC_TYPES =
            Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final ReviewStore store;
    private final TaskService tasks;
    private final PageImages pages;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final boolean secureCookies;
    private final Supplier<List<QualityView.Row>> quality;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();
    private final Javalin app;
    private final List<String> routes = new CopyOnWriteArrayList<>();

    public ReviewHttpServer(
            ReviewStore store,
            TaskService tasks,
            PageImages pages,
            Sessions sessions,
            LoginThrottle throttle,
            boolean secureCookies,
            Supplier<List<QualityView.Row>> quality,
            String host,
            int port) {
        this.quality = quality;
        this.store = store;
        this.tasks = tasks;
        this.pages = pages;
        this.sessions = sessions;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.events.handlerAdded(
                                    h -> {
                                        if (h.getHttpMethod().isHttpMethod()) {
                                            routes.add(h.getHttpMethod() + " " + h.getPath());
                                        }
                                    });
                            config.jetty.host = host;
                            config.jetty.port = port;
                            config.routes.before(ReviewHttpServer::securityHeaders);

                            config.routes.get("/login", this::loginPage);
                            config.routes.post("/login", this::login);
                            config.routes.post("/logout", write(ReviewRole.REVIEWER, this::logout));
                            config.routes.get("/", page(ReviewRole.REVIEWER, "queue.html"));
                            config.routes.get(
                                    "/tasks/{id}", page(ReviewRole.REVIEWER, "task.html"));
                            config.routes.get("/admin", page(ReviewRole.ADMIN, "admin.html"));
                            config.routes.get("/static/{file}", this::staticFile);
                            config.routes.get("/health", this::health);

                            config.routes.get(
                                    "/api/session", api(ReviewRole.REVIEWER, this::session));
                            config.routes.post(
                                    "/api/session/password",
                                    write(ReviewRole.REVIEWER, this::changePassword));
                            config.routes.get("/api/queue", api(ReviewRole.REVIEWER, this::queue));
                            config.routes.post(
                                    "/api/tasks/next", write(ReviewRole.REVIEWER, this::next));
                            config.routes.get(
                                    "/api/tasks/{id}", api(ReviewRole.REVIEWER, this::task));
                            config.routes.get(
                                    "/api/tasks/{id}/pages/{n}",
                                    api(ReviewRole.REVIEWER, this::pageImage));
                            config.routes.post(
                                    "/api/tasks/{id}/renew",
                                    write(ReviewRole.REVIEWER, this::renew));
                            config.routes.post(
                                    "/api/tasks/{id}/skip", write(ReviewRole.REVIEWER, this::skip));
                            config.routes.post(
                                    "/api/tasks/{id}/submit",
                                    write(ReviewRole.REVIEWER, this::submit));
                            config.routes.get(
                                    "/api/admin/stats", api(ReviewRole.ADMIN, this::stats));
                            config.routes.get(
                                    "/api/admin/quality", api(ReviewRole.ADMIN, this::quality));
                            config.routes.get(
                                    "/api/admin/accounts", api(ReviewRole.ADMIN, this::accounts));
                            config.routes.post(
                                    "/api/admin/accounts",
                                    write(ReviewRole.ADMIN, this::saveAccount));
                            config.routes.post(
                                    "/api/admin/accounts/{username}/disabled",
                                    write(ReviewRole.ADMIN, this::setDisabled));

                            config.routes.exception(
                                    java.util.NoSuchElementException.class,
                                    (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));

                            config.routes.exception(
                                    TaskNotFoundException.class,
                                    (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
                            config.routes.exception(
                                    NotYoursException.class,
                                    (e, ctx) -> error(ctx, 403, "forbidden", e.getMessage()));
                            config.routes.exception(
                                    TaskConflictException.class,
                                    (e, ctx) -> error(ctx, 409, "conflict", e.getMessage()));
                            config.routes.exception(
                                    InvalidDocumentException.class,
                                    (e, ctx) ->
                                            ctx.status(422)
                                                    .json(
                                                            Map.of(
                                                                    "error",
                                                                    "invalid_document",
                                                                    "violations",
                                                                    e.violations())));
                            config.routes.exception(
                                    WriteFailedException.class,
                                    (e, ctx) -> {
                                        ctx.header("Retry-After", "5");
                                        error(ctx, 503, "unavailable", e.getMessage());
                                    });
                            config.routes.exception(
                                    IllegalArgumentException.class,
                                    (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
                            // Javalin refuses a body over its request size limit (1 MB) with
                            // a plain-text 413; the API answers every error in JSON.
                            config.routes.exception(
                                    HttpResponseException.class,
                                    (e, ctx) ->
                                            error(
                                                    ctx,
                                                    e.getStatus(),
                                                    e.getStatus() == 413
                                                            ? "too_large"
                                                            : "http_" + e.getStatus(),
                                                    e.getStatus() == 413
                                                            ? "the body is over the request size"
                                                                    + " limit"
                                                            : e.getMessage()));
                        });
    }

    public ReviewHttpServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Every route served, as {@code METHOD /path}: for tests that must cover them all. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    // ---- guards -------------------------------------------------------------------------------

    /** The signed-in session of the request, if any. */
    private Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE)).filter(s -> s.principal().isPresent());
    }

    private static boolean allows(Principal p, ReviewRole required) {
        return required == ReviewRole.REVIEWER || p.role() == ReviewRole.ADMIN;
    }

    /** An HTML page: without a session, off to the login form and back after it. */
    private Handler page(ReviewRole required, String template) {
        return ctx -> {
            Optional<Sessions.Session> session = session(ctx);
            if (session.isEmpty()) {
                String next = URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8);
                ctx.redirect("/login?next=" + next);
                return;
            }
            Principal p = session.get().principal().orElseThrow();
            if (!allows(p, required)) {
                ctx.status(403).html(render("forbidden.html", session.get(), Map.of()));
                return;
            }
            ctx.header("Cache-Control", "no-store");
            ctx.html(render(template, session.get(), Map.of()));
        };
    }

    /** A read of the API: 401 without a session, 403 without the role. */
    private Handler api(ReviewRole required, SessionHandler handler) {
        return ctx -> {
            Optional<Sessions.Session> session = session(ctx);
            if (session.isEmpty()) {
                error(ctx, 401, "unauthorized", "sign in first");
                return;
            }
            Principal p = session.get().principal().orElseThrow();
            if (!allows(p, required)) {
                error(ctx, 403, "forbidden", "this needs the role " + lower(required));
                return;
            }
            ctx.header("Cache-Control", "no-store");
            handler.handle(ctx, session.get(), p);
        };
    }

    /** A state change: as {@link #api}, and the session's CSRF token must come with it. */
    private Handler write(ReviewRole required, SessionHandler handler) {
        return api(
                required,
                (ctx, session, p) -> {
                    String token = ctx.header(Sessions.CSRF_HEADER);
                    if (token == null && isForm(ctx)) {
                        token = ctx.formParam(Sessions.CSRF_FIELD);
                    }
                    if (!session.csrfMatches(token)) {
                        log.warn(
                                "Refused a {} {} without a valid CSRF token",
                                ctx.method(),
                                ctx.path());
                        error(ctx, 403, "csrf", "missing or wrong CSRF token");
                        return;
                    }
                    handler.handle(ctx, session, p);
                });
    }

    /** A reviewer asked for a task someone else holds or did. */
    static final class NotYoursException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYoursException(String taskId) {
            super("task " + taskId + " is not yours: claim a task first");
        }
    }

    @FunctionalInterface
    private interface SessionHandler {
        void handle(Context ctx, Sessions.Session session, Principal principal) throws Exception;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void securityHeaders(Context ctx) {
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                        + " object-src 'none'; base-uri 'none'; form-action 'self';"
                        + " frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
    }

    // ---- sign-in ------------------------------------------------------------------------------

    private void loginPage(Context ctx) {
        Sessions.Session anonymous = sessions.anonymous();
        setCookie(ctx, anonymous.id());
        ctx.header("Cache-Control", "no-store");
        ctx.html(
                render(
                        "login.html",
                        anonymous,
                        Map.of("next", safeNext(ctx.queryParam("next")), "error", "")));
    }

    private void login(Context ctx) {
        Optional<Sessions.Session> anonymous = sessions.find(ctx.cookie(COOKIE));
        String next = safeNext(ctx.formParam("next"));
        if (anonymous.isEmpty()
                || !anonymous.get().csrfMatches(ctx.formParam(Sessions.CSRF_FIELD))) {
            Sessions.Session fresh = sessions.anonymous();
            setCookie(ctx, fresh.id());
            ctx.status(403)
                    .html(
                            render(
                                    "login.html",
                                    fresh,
                                    Map.of(
                                            "next",
                                            next,
                                            "error",
                                            "The form had expired. Please sign in again.")));
            return;
        }
        String username = ctx.formParam("username");
        Optional<java.time.Duration> wait = throttle.waitFor(username);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            ctx.status(429)
                    .html(
                            render(
                                    "login.html",
                                    anonymous.get(),
                                    Map.of(
                                            "next",
                                            next,
                                            "error",
                                            "Too many failed sign-ins. Try again in "
                                                    + seconds
                                                    + " s.")));
            return;
        }
        Optional<Principal> principal =
                store.accounts().authenticate(username, ctx.formParam("password"));
        if (principal.isEmpty()) {
            throttle.failed(username);
            store.audit(
                    AuditChain.SESSION,
                    Accounts.safeName(username),
                    "login-failed",
                    Accounts.safeName(username));
            log.info("Failed sign-in for {}", Accounts.safeName(username));
            ctx.status(401)
                    .html(
                            render(
                                    "login.html",
                                    anonymous.get(),
                                    Map.of("next", next, "error", "Wrong user name or password.")));
            return;
        }
        throttle.succeeded(username);
        Sessions.Session session = sessions.signIn(principal.get(), anonymous.get().id());
        store.audit(
                AuditChain.SESSION,
                principal.get().username(),
                "login",
                principal.get().username());
        log.info("{} signed in ({})", principal.get().username(), principal.get().role());
        setCookie(ctx, session.id());
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx, Sessions.Session session, Principal p) {
        sessions.signOut(session.id());
        store.audit(AuditChain.SESSION, p.username(), "logout", p.username());
        ctx.cookie(cookie("", 0));
        if (isForm(ctx)) {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        } else {
            ctx.status(204);
        }
    }

    private void setCookie(Context ctx, String id) {
        ctx.cookie(cookie(id, -1));
    }

    private Cookie cookie(String value, int maxAge) {
        return new Cookie(COOKIE, value, "/", maxAge, secureCookies, true, null, SameSite.STRICT);
    }

    /** Only a path of ours: an absolute or protocol-relative URL would be an open redirect. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.startsWith("/login")
                || !next.matches("[A-Za-z0-9/_.~%-]*")) {
            return "/";
        }
        return next;
    }

    // ---- queue and tasks ----------------------------------------------------------------------

    private void session(Context ctx, Sessions.Session session, Principal p) {
        ctx.json(
                Map.of(
                        "username", p.username(),
                        "role", lower(p.role()),
                        "csrf", session.csrf(),
                        "leaseMs", tasks.lease().toMillis()));
    }

    private void queue(Context ctx, Sessions.Session session, Principal p) {
        java.time.Instant now = tasks.now();
        TaskBoard.Counts counts = store.board().counts(now);
        List<Map<String, Object>> open = new ArrayList<>();
        for (Item item : store.board().queue(now, 50)) {
            Map<String, Object> m = summary(item);
            open.add(m);
        }
        List<Map<String, Object>> done = new ArrayList<>();
        for (Item item : store.board().done(20)) {
            if (p.isAdmin() || p.username().equals(item.state().getDoneBy())) {
                Map<String, Object> m = summary(item);
                m.put(
                        "corrections",
                        item.state().getHistory().stream()
                                .filter(h -> !"ACCEPTED".equals(h.getAction()))
                                .count());
                done.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "counts",
                Map.of(
                        "open", counts.open(),
                        "claimed", counts.claimed(),
                        "done", counts.done(),
                        "total", counts.total()));
        out.put("tasks", open);
        out.put("done", done);
        ctx.json(out);
    }

    private static Map<String, Object> summary(Item item) {
        ReviewTask t = item.task();
        ReviewState s = item.state();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", t.getTaskId());
        m.put("reportId", t.getReportId());
        m.put("priority", t.getPriority());
        m.put("createdAt", t.getCreatedAt().toEpochMilli());
        m.put("reasons", t.getReasons());
        m.put("checks", t.getChecks().size());
        m.put("status", item.status().name());
        m.put("claimedBy", item.claimant().orElse(null));
        m.put("leaseUntil", millis(s == null ? null : s.getLeaseUntil()));
        m.put("doneBy", s == null ? null : s.getDoneBy());
        m.put("doneAt", millis(s == null ? null : s.getDoneAt()));
        return m;
    }

    private void next(Context ctx, Sessions.Session session, Principal p) {
        long started = System.nanoTime();
        Optional<Item> claimed = tasks.claimNext(p.username());
        if (claimed.isEmpty()) {
            ctx.status(204);
            return;
        }
        ctx.json(
                Map.of(
                        "taskId",
                        claimed.get().task().getTaskId(),
                        "claimMs",
                        (System.nanoTime() - started) / 1_000_000));
    }

    /** The task if the caller may see it: its claimant, who did it, or an admin. */
    private Item visible(Context ctx, Principal p) {
        String id = ctx.pathParam("id");
        Item item = tasks.get(id).orElseThrow(() -> new TaskNotFoundException(id));
        ReviewState s = item.state();
        boolean mine =
                s != null
                        && (p.username().equals(s.getClaimedBy())
                                || p.username().equals(s.getDoneBy()));
        if (!mine && !p.isAdmin()) {
            throw new NotYoursException(id);
        }
        return item;
    }

    private void task(Context ctx, Sessions.Session session, Principal p) throws IOException {
        Item item = visible(ctx, p);
        ReviewTask t = item.task();
        ReviewState s = item.state();
        Map<String, Object> out = summary(item);
        boolean editable =
                item.status() != TaskBoard.Status.DONE
                        && s != null
                        && s.getStatus() == io.medvie.events.ReviewStatus.CLAIMED
                        && p.username().equals(s.getClaimedBy());
        out.put("editable", editable);
        out.put("docType", t.getDocType());
        out.put("modelVersion", t.getModelVersion());
        out.put("document", json.readTree(t.getDocument()));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (ExtractedField f : t.getFields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.getPath());
            m.put("value", f.getValue());
            m.put("confidence", f.getConfidence());
            m.put("page", f.getPage());
            Box b = f.getBox();
            m.put(
                    "box",
                    b == null
                            ? null
                            : Map.of(
                                    "x", b.getX(),
                                    "y", b.getY(),
                                    "width", b.getWidth(),
                                    "height", b.getHeight()));
            fields.add(m);
        }
        out.put("fields", fields);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (FieldCheck c : t.getChecks()) {
            checks.add(Map.of("path", c.getPath(), "reason", c.getReason()));
        }
        out.put("checks", checks);
        int count = pages.pageCount(t.getBlobUri(), t.getMediaType());
        List<Map<String, Object>> pageList = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pageList.add(Map.of("index", i, "url", "/api/tasks/" + t.getTaskId() + "/pages/" + i));
        }
        out.put("pages", pageList);
        out.put("boxScale", PageImages.boxScale(t.getMediaType()));
        List<Map<String, Object>> history = new ArrayList<>();
        if (s != null) {
            for (FieldHistory h : s.getHistory()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", h.getPath());
                m.put("action", h.getAction());
                m.put("modelValue", h.getModelValue());
                m.put("reviewerValue", h.getReviewerValue());
                m.put("reviewer", h.getReviewer());
                m.put("at", h.getAt().toEpochMilli());
                history.add(m);
            }
        }
        out.put("history", history);
        out.put("leaseMs", tasks.lease().toMillis());
        ctx.json(out);
    }

    private void pageImage(Context ctx, Sessions.Session session, Principal p) throws IOException {
        Item item = visible(ctx, p);
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page must be a number");
        }
        try {
            PageImages.Page page =
                    pages.page(item.task().getBlobUri(), item.task().getMediaType(), index);
            // Private: patient data must not sit in shared caches.
            ctx.header("Cache-Control", "private, max-age=600");
            ctx.contentType(page.contentType()).result(page.bytes());
        } catch (PageImages.UnreadablePageException e) {
            error(ctx, 404, "no_page", e.getMessage());
        }
    }

    private void renew(Context ctx, Sessions.Session session, Principal p) {
        Item item = tasks.renew(ctx.pathParam("id"), p.username());
        ctx.json(Map.of("leaseUntil", item.state().getLeaseUntil().toEpochMilli()));
    }

    private void skip(Context ctx, Sessions.Session session, Principal p) {
        tasks.skip(ctx.pathParam("id"), p.username());
        ctx.status(204);
    }

    private void submit(Context ctx, Sessions.Session session, Principal p) {
        JsonNode body = body(ctx);
        JsonNode document = body.get("document");
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("body needs a 'document' object");
        }
        List<Integer> origins = null;
        JsonNode o = body.get("rowOrigins");
        if (o != null && o.isArray()) {
            origins = new ArrayList<>();
            for (JsonNode n : o) {
                origins.add(n.isNull() ? null : n.asInt());
            }
        }
        TaskService.Submitted done =
                tasks.submit(ctx.pathParam("id"), p.username(), document, origins);
        ctx.json(
                Map.of(
                        "taskId", done.taskId(),
                        "fields", done.fields(),
                        "corrections", done.sample().getCorrections().size()));
    }

    // ---- admin --------------------------------------------------------------------------------

    private void stats(Context ctx, Sessions.Session session, Principal p) {
        java.time.Instant now = tasks.now();
        TaskBoard.Counts counts = store.board().counts(now);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "counts",
                Map.of("open", counts.open(), "claimed", counts.claimed(), "done", counts.done()));
        out.put("throughput", Throughput.of(store.board().doneStates(), now, 12));
        ctx.json(out);
    }

    private void quality(Context ctx, Sessions.Session session, Principal p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (QualityView.Row r : quality.get()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("modelVersion", r.modelVersion());
            m.put("field", r.field());
            m.put("autoAcceptedChecked", r.autoAcceptedChecked());
            m.put("autoAcceptedCorrect", r.autoAcceptedCorrect());
            m.put("autoAcceptedAccuracy", finite(r.autoAcceptedAccuracy()));
            m.put("reviewed", r.reviewed());
            m.put("reviewedCorrected", r.reviewedCorrected());
            m.put("correctionRate", finite(r.correctionRate()));
            m.put("confidentChecked", r.confidentChecked());
            m.put("confidentAccuracy", finite(r.confidentAccuracy()));
            m.put("flaggedChecked", r.flaggedChecked());
            m.put("flaggedAccuracy", finite(r.flaggedAccuracy()));
            out.add(m);
        }
        ctx.json(out);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private void accounts(Context ctx, Sessions.Session session, Principal p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReviewAccount a : store.accounts().list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("username", a.getUsername());
            m.put("role", lower(a.getRole()));
            m.put("disabled", a.getDisabled());
            m.put("updatedAt", a.getUpdatedAt().toEpochMilli());
            m.put("updatedBy", a.getUpdatedBy());
            out.add(m);
        }
        ctx.json(out);
    }

    private void saveAccount(Context ctx, Sessions.Session session, Principal p) {
        JsonNode body = body(ctx);
        String username = text(body, "username");
        String role = text(body, "role");
        ReviewRole r;
        try {
            r = ReviewRole.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be reviewer or admin", e);
        }
        ReviewAccount saved = store.saveAccount(username, r, text(body, "password"), p.username());
        // A changed password or role takes effect at once, not at the next sign-in.
        if (!saved.getUsername().equals(p.username())) {
            sessions.signOutUser(saved.getUsername());
        }
        ctx.status(201).json(Map.of("username", saved.getUsername(), "role", lower(r)));
    }

    private void changePassword(Context ctx, Sessions.Session session, Principal p) {
        JsonNode body = body(ctx);
        String current = text(body, "current");
        String password = text(body, "password");
        Optional<java.time.Duration> wait = throttle.waitFor(p.username());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            error(
                    ctx,
                    429,
                    "too_many_attempts",
                    "too many wrong passwords; wait " + seconds + " s");
            return;
        }
        if (store.accounts().authenticate(p.username(), current).isEmpty()) {
            // The same guard as the sign-in form: a stolen session must not guess the password.
            throttle.failed(p.username());
            error(ctx, 403, "forbidden", "the current password is wrong");
            return;
        }
        throttle.succeeded(p.username());
        store.changePassword(p.username(), password);
        sessions.signOutUserExcept(p.username(), session.id());
        ctx.status(204);
    }

    private void setDisabled(Context ctx, Sessions.Session session, Principal p) {
        String username = Accounts.normalize(ctx.pathParam("username"));
        JsonNode flag = body(ctx).get("disabled");
        if (flag == null || !flag.isBoolean()) {
            throw new IllegalArgumentException("body needs the boolean field 'disabled'");
        }
        if (username.equals(p.username())) {
            throw new IllegalArgumentException("an admin cannot disable their own account");
        }
        ReviewAccount saved = store.setDisabled(username, flag.asBoolean(), p.username());
        if (saved.getDisabled()) {
            sessions.signOutUser(saved.getUsername());
        }
        ctx.json(Map.of("username", saved.getUsername(), "disabled", saved.getDisabled()));
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private void health(Context ctx) {
        boolean up = store.healthy();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
    }

    private void staticFile(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[a-z][a-z0-9-]*\\.(js|css)")) {
            error(ctx, 404, "not_found", "no such file");
            return;
        }
        byte[] bytes = resource(STATIC + file);
        if (bytes == null) {
            error(ctx, 404, "not_found", "no such file");
            return;
        }
        String ext = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(STATIC_TYPES.get(ext)).result(bytes);
    }

    private byte[] resource(String path) {
        return resources.computeIfAbsent(
                path,
                p -> {
                    try (InputStream in = ReviewHttpServer.class.getResourceAsStream(p)) {
                        return in == null ? null : in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read resource " + p, e);
                    }
                });
    }

    /** A page from the class path with {@code {{name}}} filled in, HTML-escaped. */
    private String render(String template, Sessions.Session session, Map<String, String> values) {
        byte[] bytes = resource(PAGES + template);
        if (bytes == null) {
            throw new IllegalStateException("Missing page template " + template);
        }
        String html = new String(bytes, StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("csrf", session.csrf());
        session.principal()
                .ifPresent(
                        p -> {
                            all.put("user", p.username());
                            all.put("role", lower(p.role()));
                        });
        for (Map.Entry<String, String> e : all.entrySet()) {
            html = html.replace("{{" + e.getKey() + "}}", escape(e.getValue()));
        }
        return html;
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("body needs the text field '" + field + "'");
        }
        return n.asText();
    }

    private static Long millis(java.time.Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static void error(Context ctx, int status, String code, String reason) {
        ctx.status(status).json(Map.of("error", code, "reason", reason));
    }

    @Override
    public void close() {
        app.stop();
    }
}
