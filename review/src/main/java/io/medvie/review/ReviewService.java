package io.medvie.review;

import io.medvie.blobstore.BlobStores;
import io.medvie.events.ReviewRole;
import io.medvie.review.account.LoginThrottle;
import io.medvie.review.task.PageImages;
import io.medvie.review.task.TaskService;
import io.medvie.review.web.ReviewHttpServer;
import io.medvie.review.web.Sessions;
import io.medvie.schemas.quality.QualityView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The review service: its state from Kafka, the task logic, the page images and the web UI. */
public final class ReviewService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final ReviewStore store;
    private final ReviewHttpServer http;

    private ReviewService(ReviewStore store, ReviewHttpServer http) {
        this.store = store;
        this.http = http;
    }

    public static ReviewService start(ReviewConfig config) throws InterruptedException {
        return start(config, Clock.systemUTC());
    }

    public static ReviewService start(ReviewConfig config, Clock clock)
            throws InterruptedException {
        ReviewStore store = ReviewStore.open(config, transactionalId(config), clock);
        try {
            bootstrapAdmin(config, store);
            TaskService tasks =
                    new TaskService(store.board(), store.writer(), config.lease(), clock);
            PageImages pages = new PageImages(BlobStores.open(config.blobs()));
            Sessions sessions = new Sessions(config.sessionIdle(), clock);
            ReviewHttpServer http =
                    new ReviewHttpServer(
                                    store,
                                    tasks,
                                    pages,
                                    sessions,
                                    new LoginThrottle(clock),
                                    config.secureCookies(),
                                    () -> readQuality(config),
                                    config.host(),
                                    config.port())
                            .start();
            log.info(
                    "Review listening on http://{}:{} ({} tasks, lease {} s, secure cookies {})",
                    config.host(),
                    http.port(),
                    store.board().size(),
                    config.lease().toSeconds(),
                    config.secureCookies());
            return new ReviewService(store, http);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The transactional id of the service process; the command line uses another. */
    static String transactionalId(ReviewConfig config) {
        return "medvie-review-" + config.instanceId();
    }

    /** The first admin, from settings, only while no account exists at all. */
    private static void bootstrapAdmin(ReviewConfig config, ReviewStore store) {
        if (config.bootstrapAdmin().isEmpty()) {
            if (store.accounts().isEmpty()) {
                log.warn(
                        "No review accounts exist: set {} and {} (or run 'review --add-account')",
                        ReviewConfig.BOOTSTRAP_ADMIN,
                        ReviewConfig.BOOTSTRAP_ADMIN_PASSWORD);
            }
            return;
        }
        if (!store.accounts().isEmpty()) {
            return;
        }
        ReviewConfig.Credentials admin = config.bootstrapAdmin().get();
        store.saveAccount(admin.username(), ReviewRole.ADMIN, admin.password(), "bootstrap");
    }

    public int port() {
        return http.port();
    }

    /** The routes the HTTP server serves, as {@code METHOD /path}. */
    public List<String> routes() {
        return http.routes();
    }

    public String url() {
        return "http://127.0.0.1:" + http.port();
    }

    public ReviewStore store() {
        return store;
    }

    @Override
    public void close() {
        http.close();
        store.close();
    }

    /**
     * The measured quality table, read from {@code medvie.quality} on each request (model versions
     * times about 15 fields: small). Empty, with a warning, when the topic cannot be read.
     */
    private static List<QualityView.Row> readQuality(ReviewConfig config) {
        try {
            return QualityView.read(config.kafka(), config.registryUrl(), Duration.ofSeconds(10));
        } catch (Exception e) {
            log.warn("cannot read medvie.quality: {}", e.toString());
            return List.of();
        }
    }
}
