package io.medvie.blobstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link BlobStore} in an S3 bucket (AWS, MinIO or any S3-compatible server): object key {@code
 * <prefix>sha256/ab/cd/<hex>}, the same layout as {@link FileBlobStore} below its root, so a file
 * store copied into a bucket (for example with {@code aws s3 sync}) is a valid S3 store.
 *
 * <p>Staging streams the bytes to a local temporary file while hashing (sha256 for the address, MD5
 * for the upload's {@code Content-MD5}, which the server checks, so a corrupted upload is refused
 * instead of stored). A commit that finds the object already there uploads nothing; otherwise one
 * PUT makes the whole object visible at once, never a partial one.
 *
 * <p>Checksums the server did not ask for are off ({@code WHEN_REQUIRED}): the SDK's default
 * trailing CRC checksums are refused by several S3-compatible servers, and Content-MD5 already
 * covers the upload.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private static final String DEFAULT_REGION = "us-east-1";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path stageDir;

    S3BlobStore(S3Client s3, String bucket, String prefix, Path stageDir) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.stageDir = stageDir.toAbsolutePath();
        try {
            Files.createDirectories(this.stageDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the S3 store's staging folder "
                            + this.stageDir
                            + " (setting "
                            + BlobStoreConfig.S3_STAGE_DIR
                            + ")",
                    e);
        }
    }

    /** A store on the configured bucket; makes no request. */
    public static S3BlobStore open(BlobStoreConfig.S3 config) {
        S3ClientBuilder builder =
                S3Client.builder()
                        .httpClientBuilder(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(5))
                                        .socketTimeout(Duration.ofSeconds(60)))
                        .region(Region.of(config.region().orElseGet(S3BlobStore::envRegion)))
                        .forcePathStyle(config.pathStyle())
                        .requestChecksumCalculation(
                                software.amazon.awssdk.core.checksums.RequestChecksumCalculation
                                        .WHEN_REQUIRED)
                        .responseChecksumValidation(
                                software.amazon.awssdk.core.checksums.ResponseChecksumValidation
                                        .WHEN_REQUIRED)
                        .credentialsProvider(credentials(config));
        config.endpoint().ifPresent(builder::endpointOverride);
        return new S3BlobStore(
                builder.build(), config.bucket(), config.prefix(), config.stageDir());
    }

    private static AwsCredentialsProvider credentials(BlobStoreConfig.S3 config) {
        return config.credentials()
                .<AwsCredentialsProvider>map(
                        c ->
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(c.accessKey(), c.secretKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    private static String envRegion() {
        // Read here rather than through the SDK's region chain, whose last step asks the EC2
        // instance metadata service over the network.
        String region = System.getenv("AWS_REGION");
        return region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Fails unless the bucket can be reached with these credentials, naming the setting: for a
     * service's start, so a wrong bucket or key shows at once rather than at the first report.
     */
    public void checkBucket() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException(
                    "S3 bucket '"
                            + bucket
                            + "' (setting "
                            + BlobStoreConfig.S3_BUCKET
                            + ") cannot be reached: "
                            + reason(e),
                    e);
        }
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        StagedFile.Copy copy = StagedFile.copy(stageDir, in, maxBytes, "SHA-256", "MD5");
        return new S3Staged(
                copy.file(),
                StagedFile.hex(copy.digests()[0]),
                Base64.getEncoder().encodeToString(copy.digests()[1]),
                copy.size());
    }

    @Override
    public InputStream open(String uri) throws IOException {
        String key = keyOf(BlobStore.sha256Of(uri));
        try {
            return s3.getObject(
                    b -> b.bucket(bucket).key(key), ResponseTransformer.toInputStream());
        } catch (NoSuchKeyException e) {
            throw new BlobNotFoundException(uri);
        } catch (SdkException e) {
            throw failure("read", uri, e);
        }
    }

    @Override
    public boolean exists(String uri) throws IOException {
        return exists(keyOf(BlobStore.sha256Of(uri)), uri);
    }

    private boolean exists(String key, String uri) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // HEAD has no body, so some servers' "not found" arrives as a bare 404.
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("check", uri, e);
        } catch (SdkException e) {
            throw failure("check", uri, e);
        }
    }

    String keyOf(String sha256) {
        return prefix
                + "sha256/"
                + sha256.substring(0, 2)
                + "/"
                + sha256.substring(2, 4)
                + "/"
                + sha256;
    }

    @Override
    public void close() {
        s3.close();
    }

    /**
     * An SDK failure as the IOException callers already treat as "store unavailable, retry";
     * carries the blob URI (a hash), never the bytes.
     */
    private IOException failure(String action, String uri, SdkException e) {
        return new IOException(
                "S3 store cannot " + action + " " + uri + " in bucket " + bucket + ": " + reason(e),
                e);
    }

    private static String reason(SdkException e) {
        if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
            return s3e.statusCode() + " " + s3e.awsErrorDetails().errorCode();
        }
        return e.getMessage();
    }

    private final class S3Staged extends StagedFile {
        private final String md5Base64;

        S3Staged(Path file, String sha256, String md5Base64, long size) {
            super(file, sha256, size);
            this.md5Base64 = md5Base64;
        }

        @Override
        protected void publish(BlobRef ref) throws IOException {
            String key = keyOf(sha256);
            // Content-addressed: an object under this key already holds these bytes.
            if (!exists(key, ref.uri())) {
                try {
                    s3.putObject(
                            b ->
                                    b.bucket(bucket)
                                            .key(key)
                                            .contentLength(size)
                                            .contentMD5(md5Base64)
                                            .contentType("application/octet-stream")
                                            .metadata(Map.of("sha256", sha256)),
                            RequestBody.fromFile(file));
                } catch (SdkException e) {
                    throw failure("write", ref.uri(), e);
                }
            }
            Files.deleteIfExists(file);
        }
    }
}
