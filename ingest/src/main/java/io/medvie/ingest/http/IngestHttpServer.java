package io.medvie.ingest.http;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import io.medvie.events.ReportSource;
import io.medvie.ingest.IngestException;
import io.medvie.ingest.Ingestor;
import io.medvie.ingest.auth.Role;
import io.medvie.ingest.auth.TokenStore;
import io.medvie.ingest.detect.RejectedInputException;
import io.medvie.ingest.ledger.ReportLedger;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest HTTP API. Every route but {@code /health} needs a bearer token; the role each needs is
 * listed with the route.
 *
 * <pre>
 * POST /v1/reports          submitter  raw body or multipart (field "file"): 202 + receipt
 * GET  /v1/reports/{id}     submitter  the report's state
 * GET  /v1/admin/stats      admin      counters since start
 * GET  /v1/admin/tokens     admin      token names and roles (never the tokens)
 * GET  /health              none       liveness, carries no data
 * </pre>
 */
public final class IngestHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestHttpServer.class);
    private static final String MULTIPART_FIELD = "file";

    /** Room for part headers and boundaries around a file of the maximum size. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final Ingestor ingestor;
    private final ReportLedger ledger;
    private final TokenStore tokens;
    private final Javalin app;
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public IngestHttpServer(
            Ingestor ingestor, ReportLedger ledger, TokenStore tokens, String host, int port) {
        this.ingestor = ingestor;
        this.ledger = ledger;
        this.tokens = tokens;
        long max = ingestor.maxBytes();
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
                            // Multipart parts are spooled to disk by Jetty, never held whole.
                            config.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
                            config.jetty.multipartConfig.maxTotalRequestSize(
                                    max + 64 * 1024, SizeUnit.BYTES);
                            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
                            config.routes.post("/v1/reports", guard(Role.SUBMITTER, this::submit));
                            config.routes.get(
                                    "/v1/reports/{id}", guard(Role.SUBMITTER, this::state));
                            config.routes.get("/v1/admin/stats", guard(Role.ADMIN, this::stats));
                            config.routes.get(
                                    "/v1/admin/tokens", guard(Role.ADMIN, this::listTokens));
                            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
                        });
    }

    public IngestHttpServer start() {
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

    private Handler guard(Role required, Handler handler) {
        return ctx -> {
            String header = ctx.header("Authorization");
            String token =
                    header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                            ? header.substring(7)
                            : null;
            Optional<TokenStore.Principal> principal = tokens.authenticate(token);
            if (principal.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"medvie\"");
                error(ctx, 401, "unauthorized", "a valid bearer token is required");
                return;
            }
            if (!principal.get().role().allows(required)) {
                error(
                        ctx,
                        403,
                        "forbidden",
                        "this needs the role "
                                + required.name().toLowerCase(java.util.Locale.ROOT));
                return;
            }
            handler.handle(ctx);
        };
    }

    private void submit(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > ingestor.maxBytes() + (ctx.isMultipartFormData() ? MULTIPART_OVERHEAD : 0)) {
            rejected.incrementAndGet();
            RejectedInputException e = RejectedInputException.tooLarge(ingestor.maxBytes());
            // A client that sends the whole body before reading the answer (no "Expect:
            // 100-continue") only sees the 413 if the body is read: closing on unread bytes resets
            // the connection under it. Read and discard a body up to twice the limit; a larger
            // one is not worth reading, the connection is closed. A client that asked to continue
            // gets the 413 instead of "100 Continue" and never sends the body.
            boolean expects = "100-continue".equalsIgnoreCase(ctx.header("Expect"));
            if (expects) {
                ctx.header("Connection", "close");
            } else if (declared <= 2 * ingestor.maxBytes()) {
                try (InputStream body = ctx.req().getInputStream()) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            } else {
                ctx.header("Connection", "close");
            }
            error(ctx, e.status(), e.code(), e.reason());
            return;
        }
        try (InputStream body = openBody(ctx)) {
            if (body == null) {
                rejected.incrementAndGet();
                error(ctx, 400, "no_file", "multipart upload needs a part named 'file'");
                return;
            }
            Ingestor.Receipt receipt = ingestor.submit(body, ReportSource.HTTP);
            (receipt.duplicate() ? duplicates : accepted).incrementAndGet();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("reportId", receipt.reportId());
            out.put("sha256", receipt.sha256());
            out.put("mediaType", receipt.mediaType());
            out.put("sizeBytes", receipt.sizeBytes());
            out.put("duplicate", receipt.duplicate());
            ctx.status(202).json(out);
        } catch (RejectedInputException e) {
            rejected.incrementAndGet();
            error(ctx, e.status(), e.code(), e.reason());
        } catch (IngestException e) {
            failed.incrementAndGet();
            log.warn("Submission failed, the client may retry: {}", e.getMessage(), e);
            ctx.header("Retry-After", "5");
            error(ctx, 503, "unavailable", e.getMessage() + "; retry later");
        }
    }

    private InputStream openBody(Context ctx) throws RejectedInputException {
        if (ctx.isMultipartFormData()) {
            UploadedFile file;
            try {
                file = ctx.uploadedFile(MULTIPART_FIELD);
                if (file == null) {
                    List<UploadedFile> all = ctx.uploadedFiles();
                    file = all.isEmpty() ? null : all.get(0);
                }
            } catch (Exception e) {
                // Jetty parses the parts here and reports what it refused as a ServletException.
                RejectedInputException rejection = multipartRejection(e, ingestor.maxBytes());
                // Jetty drops a connection whose multipart body it gave up on: read what is left
                // of the body, so a client still sending it gets the answer rather than a reset,
                // and say that the connection closes, or the client's next request on it fails.
                discardRest(ctx, ingestor.maxBytes() + MULTIPART_OVERHEAD);
                ctx.header("Connection", "close");
                throw rejection;
            }
            return file == null ? null : file.content();
        }
        return ctx.bodyInputStream();
    }

    /** Reads and drops up to {@code max} more bytes of the request body. */
    private static void discardRest(Context ctx, long max) {
        try (InputStream body = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = max;
            int n;
            while (left > 0
                    && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The parser may have left the stream failed: then there is nothing more to read,
            // and the answer goes out on a connection about to close anyway.
            log.debug("Could not read the rest of a refused multipart body: {}", e.toString());
        }
    }

    /**
     * What Jetty's multipart parser refused: an over-size part or body (413), or a malformed body
     * (400). Anything else is not the client's fault and stays an error of ours.
     */
    static RejectedInputException multipartRejection(Exception e, long maxBytes) {
        boolean malformed = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof IllegalStateException
                    && (message.startsWith("max file size exceeded")
                            || message.startsWith("max length exceeded"))) {
                return RejectedInputException.tooLarge(maxBytes);
            }
            malformed |=
                    t instanceof BadMessageException
                            || t instanceof HttpException
                            || t instanceof EOFException
                            || t instanceof IllegalStateException;
        }
        if (malformed) {
            return new RejectedInputException(
                    400,
                    "bad_multipart",
                    "the multipart body cannot be parsed (boundary, part headers or end missing or"
                            + " malformed); send the report as a part named 'file' or as the raw"
                            + " body");
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private void state(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<ReportLedger.Entry> entry = ledger.get(id);
        if (entry.isEmpty()) {
            error(ctx, 404, "not_found", "no report with id " + id);
            return;
        }
        ReportLedger.Entry e = entry.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reportId", e.reportId());
        out.put("state", e.state().name());
        out.put("sha256", e.sha256());
        out.put("mediaType", e.mediaType());
        out.put("sizeBytes", e.sizeBytes());
        out.put("submittedAt", java.time.Instant.ofEpochMilli(e.submittedAt()).toString());
        if (e.modelVersion() != null) {
            out.put("modelVersion", e.modelVersion());
        }
        ctx.json(out);
    }

    private void stats(Context ctx) {
        ctx.json(
                Map.of(
                        "accepted", accepted.get(),
                        "duplicates", duplicates.get(),
                        "rejected", rejected.get(),
                        "failed", failed.get(),
                        "knownReports", ledger.size()));
    }

    private void listTokens(Context ctx) {
        ctx.json(
                tokens.principals().stream()
                        .map(p -> Map.of("name", p.name(), "role", p.role().name()))
                        .toList());
    }

    private static void error(Context ctx, int status, String code, String reason) {
        ctx.status(status).json(Map.of("error", code, "reason", reason));
    }

    @Override
    public void close() {
        app.stop();
    }
}
