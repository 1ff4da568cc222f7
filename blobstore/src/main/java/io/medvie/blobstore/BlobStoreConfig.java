package io.medvie.blobstore;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which blob store a service uses, read from its settings at start ({@code medvie.blob.*}, each
 * also an environment variable such as {@code MEDVIE_BLOB_STORE}). Every service that shares
 * reports must be given the same store.
 *
 * <p>This module does not depend on the schemas module's {@code Settings}: the services hand in
 * their settings lookup ({@code settings::optional}), which keeps the blob store a leaf module.
 */
public sealed interface BlobStoreConfig {
    /** {@code file} (default) or {@code s3}. */
    String STORE = "medvie.blob.store";

    /** Root folder of the file store. */
    String DIR = "medvie.blob.dir";

    /** Bucket of the S3 store (required for {@code s3}). */
    String S3_BUCKET = "medvie.blob.s3.bucket";

    /** Endpoint of an S3-compatible server, for example {@code http://minio:9000}; AWS if unset. */
    String S3_ENDPOINT = "medvie.blob.s3.endpoint";

    /** Region; unset takes {@code AWS_REGION}, then {@code us-east-1}. */
    String S3_REGION = "medvie.blob.s3.region";

    /** Key prefix inside the bucket, for sharing one bucket; empty by default. */
    String S3_PREFIX = "medvie.blob.s3.prefix";

    /**
     * Path-style addressing (MinIO and most self-hosted servers); default true with an endpoint.
     */
    String S3_PATH_STYLE = "medvie.blob.s3.path.style";

    /**
     * Access key; unset uses the AWS default chain ({@code AWS_ACCESS_KEY_ID}, profiles, roles).
     */
    String S3_ACCESS_KEY = "medvie.blob.s3.access.key";

    /** Secret key, required with {@link #S3_ACCESS_KEY}; best given as an environment variable. */
    String S3_SECRET_KEY = "medvie.blob.s3.secret.key";

    /** Local folder where uploads are staged and hashed before they are sent. */
    String S3_STAGE_DIR = "medvie.blob.s3.stage.dir";

    /** The file store at {@code root}. */
    record File(Path root) implements BlobStoreConfig {}

    /** An S3 bucket; {@code credentials} empty means the AWS default credentials chain. */
    record S3(
            Optional<URI> endpoint,
            String bucket,
            Optional<String> region,
            String prefix,
            boolean pathStyle,
            Optional<Credentials> credentials,
            Path stageDir)
            implements BlobStoreConfig {}

    /** Static S3 credentials; the secret never appears in {@link #toString()}. */
    record Credentials(String accessKey, String secretKey) {
        @Override
        public String toString() {
            return "Credentials[" + accessKey + "]";
        }
    }

    /**
     * Reads the blob store settings.
     *
     * @param setting a service's settings lookup: the trimmed value of a key, empty when unset or
     *     blank
     * @param defaultDir the file store's root when {@link #DIR} is unset
     * @throws IllegalArgumentException naming the setting, its environment variable and the bad
     *     value
     */
    static BlobStoreConfig from(Function<String, Optional<String>> setting, Path defaultDir) {
        String kind = setting.apply(STORE).orElse("file").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "file" -> new File(setting.apply(DIR).map(Path::of).orElse(defaultDir));
            case "s3" -> s3(setting);
            default -> throw bad(STORE, kind, "file or s3");
        };
    }

    private static S3 s3(Function<String, Optional<String>> setting) {
        String bucket =
                setting.apply(S3_BUCKET)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "Setting "
                                                        + S3_BUCKET
                                                        + " (env "
                                                        + envName(S3_BUCKET)
                                                        + ") is required when "
                                                        + STORE
                                                        + " is s3"));
        // S3's own bucket naming rules, so that a typo fails at start instead of at the first put.
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw bad(S3_BUCKET, bucket, "3-63 lower-case letters, digits, dots or hyphens");
        }
        Optional<URI> endpoint = setting.apply(S3_ENDPOINT).map(BlobStoreConfig::endpoint);
        String prefix = setting.apply(S3_PREFIX).orElse("");
        if (prefix.startsWith("/") || (!prefix.isEmpty() && !prefix.endsWith("/"))) {
            throw bad(S3_PREFIX, prefix, "a key prefix ending in / and not starting with one");
        }
        boolean pathStyle =
                setting.apply(S3_PATH_STYLE)
                        .map(v -> bool(S3_PATH_STYLE, v))
                        .orElse(endpoint.isPresent());
        Optional<String> access = setting.apply(S3_ACCESS_KEY);
        Optional<String> secret = setting.apply(S3_SECRET_KEY);
        if (access.isPresent() != secret.isPresent()) {
            String missing = access.isPresent() ? S3_SECRET_KEY : S3_ACCESS_KEY;
            throw new IllegalArgumentException(
                    "Setting "
                            + missing
                            + " (env "
                            + envName(missing)
                            + ") is required with "
                            + (access.isPresent() ? S3_ACCESS_KEY : S3_SECRET_KEY));
        }
        Optional<Credentials> credentials =
                access.map(a -> new Credentials(a, secret.orElseThrow()));
        Path stageDir =
                setting.apply(S3_STAGE_DIR)
                        .map(Path::of)
                        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "medvie-blob-stage"));
        return new S3(
                endpoint,
                bucket,
                setting.apply(S3_REGION),
                prefix,
                pathStyle,
                credentials,
                stageDir);
    }

    private static URI endpoint(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw bad(S3_ENDPOINT, raw, "a URL such as http://minio:9000");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw bad(S3_ENDPOINT, raw, "a URL such as http://minio:9000");
        }
        if (uri.getUserInfo() != null) {
            // Never echo it: it would be a secret.
            throw new IllegalArgumentException(
                    "Setting "
                            + S3_ENDPOINT
                            + " (env "
                            + envName(S3_ENDPOINT)
                            + ") carries credentials; give them as "
                            + S3_ACCESS_KEY
                            + " and "
                            + S3_SECRET_KEY);
        }
        return uri;
    }

    private static boolean bool(String key, String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(key, raw, "true or false");
        };
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(
                "Setting "
                        + key
                        + " (env "
                        + envName(key)
                        + ") is '"
                        + value
                        + "', expected "
                        + expected);
    }

    /** The environment variable of a setting, by the same rule as the services' settings. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
