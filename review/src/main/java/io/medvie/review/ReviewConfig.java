package io.medvie.review;

import io.medvie.blobstore.BlobStoreConfig;
import io.medvie.schemas.config.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the review service (each also settable as an environment variable, see {@link
 * Settings}: {@code medvie.review.port} is {@code MEDVIE_REVIEW_PORT}).
 *
 * @param host HTTP bind address ({@code medvie.review.host}, default 127.0.0.1)
 * @param port HTTP port ({@code medvie.review.port}, default 8090; 0 picks a free one)
 * @param blobs the blob store, for the page images ({@code medvie.blob.store}, {@code
 *     medvie.blob.dir}, {@code medvie.blob.s3.*}, see {@link BlobStoreConfig})
 * @param lease how long a claim holds before the task returns to the queue ({@code
 *     medvie.review.lease.ms}, default 5 minutes)
 * @param sessionIdle a session unused this long is forgotten ({@code
 *     medvie.review.session.idle.ms}, default 30 minutes)
 * @param secureCookies mark the session cookie Secure ({@code medvie.review.cookie.secure}; default
 *     true unless bound to a loopback address, where browsers speak plain HTTP)
 * @param instanceId names the transactional producer ({@code medvie.review.instance.id}, default
 *     review-1); a second process with the same id fences the first, which is what keeps claims
 *     serialized
 * @param bootstrapAdmin an admin account created at start when no account exists ({@code
 *     medvie.review.bootstrap.admin}, with {@code medvie.review.bootstrap.admin.password}, best
 *     given as the environment variable MEDVIE_REVIEW_BOOTSTRAP_ADMIN_PASSWORD)
 * @param kafka client settings: {@code kafka.bootstrap.servers}, TLS/SASL, passed through
 * @param registryUrl schema registry ({@code schema.registry.url})
 */
public record ReviewConfig(
        String host,
        int port,
        BlobStoreConfig blobs,
        Duration lease,
        Duration sessionIdle,
        boolean secureCookies,
        String instanceId,
        Optional<Credentials> bootstrapAdmin,
        Map<String, Object> kafka,
        String registryUrl) {

    public static final String BOOTSTRAP_ADMIN = "medvie.review.bootstrap.admin";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "medvie.review.bootstrap.admin.password";

    /** A user name and password given in settings; the password is never logged. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    public ReviewConfig {
        kafka = Map.copyOf(kafka);
    }

    public static ReviewConfig from(Settings s) {
        Map<String, Object> kafka = s.kafkaClientProps();
        if (!kafka.containsKey("bootstrap.servers")) {
            s.required("kafka.bootstrap.servers");
        }
        String host = s.string("medvie.review.host", "127.0.0.1");
        Duration lease = s.millis("medvie.review.lease.ms", Duration.ofMinutes(5));
        if (lease.toMillis() < 1000) {
            throw new IllegalArgumentException(
                    "Setting medvie.review.lease.ms (env MEDVIE_REVIEW_LEASE_MS) is '"
                            + lease.toMillis()
                            + "', expected at least 1000");
        }
        String instanceId = s.string("medvie.review.instance.id", "review-1");
        if (!instanceId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "Setting medvie.review.instance.id (env MEDVIE_REVIEW_INSTANCE_ID) is '"
                            + instanceId
                            + "', expected 1-64 letters, digits or _.-");
        }
        Optional<Credentials> admin = Optional.empty();
        Optional<String> adminName = s.optional(BOOTSTRAP_ADMIN);
        if (adminName.isPresent()) {
            admin =
                    Optional.of(
                            new Credentials(adminName.get(), s.required(BOOTSTRAP_ADMIN_PASSWORD)));
        }
        return new ReviewConfig(
                host,
                s.integer("medvie.review.port", 8090, 0, 65535),
                BlobStoreConfig.from(s::optional, Path.of("data", "blobs")),
                lease,
                s.millis("medvie.review.session.idle.ms", Duration.ofMinutes(30)),
                s.bool("medvie.review.cookie.secure", !isLoopback(host)),
                instanceId,
                admin,
                kafka,
                s.required("schema.registry.url"));
    }

    /** Loopback binds are reached over plain HTTP from the same machine only. */
    static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // A name we cannot resolve is not known to be loopback: keep cookies Secure.
            return false;
        }
    }
}
