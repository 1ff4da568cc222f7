package io.medvie.review;

import io.medvie.schemas.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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
                        properties(args.length == 0 ? null : Path.of(args[0])), System.getenv());
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

    static Map<String, String> properties(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (file == null) {
            return out;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }
}
