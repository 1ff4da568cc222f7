package io.medvie.review;

import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The review service as its own process (production): settings from an optional properties file
 * given as the only argument, overlaid by environment variables. Wiring only.
 */
public final class ReviewApp {
    private ReviewApp() {}

    public static void main(String[] args) throws Exception {
        Settings settings =
                Settings.of(
                        Settings.readProperties(args.length == 0 ? null : Path.of(args[0])),
                        System.getenv());
        ReviewService service = ReviewService.start(ReviewConfig.from(settings));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    service.close();
                                    stopped.countDown();
                                },
                                "review-shutdown"));
        stopped.await();
    }
}
