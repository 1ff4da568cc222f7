package io.medvie.review;

import io.medvie.events.ReviewRole;
import io.medvie.schemas.config.Settings;
import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code medvie review}: runs the review service, or with {@code --add-account} creates (or
 * replaces) one account and exits.
 */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the review web UI, where people verify the fields the model is unsure of.",
            "Settings come from --config (a properties file) and the environment (MEDVIE_REVIEW_PORT,"
                    + " KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, ...); options win over both.",
            "The first admin: set medvie.review.bootstrap.admin and"
                    + " MEDVIE_REVIEW_BOOTSTRAP_ADMIN_PASSWORD, or run"
                    + " 'review --add-account NAME --role admin' (password from"
                    + " MEDVIE_REVIEW_PASSWORD or typed)."
        })
public final class ReviewCommand implements Callable<Integer> {
    /** Where --add-account reads the password when no console can be asked. */
    public static final String PASSWORD_ENV = "MEDVIE_REVIEW_PASSWORD";

    @Spec CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
    Path config;

    @Option(names = "--host", description = "Bind address (medvie.review.host).")
    String host;

    @Option(names = "--port", description = "HTTP port (medvie.review.port), 0 for any free one.")
    Integer port;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOSTS",
            description = "Kafka (kafka.bootstrap.servers).")
    String bootstrapServers;

    @Option(names = "--registry", paramLabel = "URL", description = "Schema registry URL.")
    String registry;

    @Option(names = "--blob-dir", paramLabel = "DIR", description = "Blob store (medvie.blob.dir).")
    Path blobDir;

    @Option(
            names = "--add-account",
            paramLabel = "NAME",
            description = "Create or replace this account, then exit.")
    String addAccount;

    @Option(
            names = "--role",
            defaultValue = "reviewer",
            description = "Role of --add-account: reviewer or admin (default: ${DEFAULT-VALUE}).")
    String role;

    @Override
    public Integer call() throws Exception {
        Map<String, String> props = Settings.readProperties(config);
        Settings settings = Settings.of(props, System.getenv());
        settings = override(settings, "medvie.review.host", host);
        settings = override(settings, "medvie.review.port", port == null ? null : port.toString());
        settings = override(settings, "kafka.bootstrap.servers", bootstrapServers);
        settings = override(settings, "schema.registry.url", registry);
        settings =
                override(settings, "medvie.blob.dir", blobDir == null ? null : blobDir.toString());
        ReviewConfig cfg = ReviewConfig.from(settings);
        if (addAccount != null) {
            return addAccount(cfg);
        }
        ReviewService service = ReviewService.start(cfg);
        System.out.println("Review UI: " + service.url());
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
        return 0;
    }

    private int addAccount(ReviewConfig cfg) throws InterruptedException {
        ReviewRole r;
        try {
            r = ReviewRole.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--role must be reviewer or admin");
        }
        String password = password();
        // Its own transactional id, so that it does not fence a running service.
        try (ReviewStore store =
                ReviewStore.open(
                        cfg, ReviewService.transactionalId(cfg) + "-cli", Clock.systemUTC())) {
            store.saveAccount(addAccount, r, password, "cli");
        }
        System.out.println(
                "Account " + addAccount + " saved with role " + r.name().toLowerCase(Locale.ROOT));
        return 0;
    }

    private String password() {
        String fromEnv = System.getenv(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(
                    spec.commandLine(), "set " + PASSWORD_ENV + " or run in a terminal");
        }
        char[] first = console.readPassword("Password for %s: ", addAccount);
        char[] again = console.readPassword("Again: ");
        if (first == null || !java.util.Arrays.equals(first, again)) {
            throw new ParameterException(spec.commandLine(), "the passwords differ");
        }
        return new String(first);
    }

    private static Settings override(Settings settings, String key, String value) {
        return value == null ? settings : settings.with(key, value);
    }
}
