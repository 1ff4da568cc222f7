package io.medvie.blobstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link S3BlobStore} against a real S3 server in this JVM: S3Proxy on loopback with jclouds'
 * in-memory backend, AWS signature v4 authentication on. The bucket is inspected with a plain SDK
 * client, not through the store.
 */
class S3BlobStoreIT {
    private static final String ACCESS = "medvie-test";
    private static final String SECRET = "medvie-test-secret";
    private static final String BUCKET = "medvie-it";

    private static S3Proxy proxy;
    private static BlobStoreContext backend;
    private static URI endpoint;
    private static S3Client raw;

    @TempDir Path stageDir;
    private String prefix;
    private S3BlobStore store;

    @BeforeAll
    static void startServer() throws Exception {
        backend = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
        proxy =
                S3Proxy.builder()
                        .blobStore(backend.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                        .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!proxy.getState().equals("STARTED")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        raw =
                S3Client.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .endpointOverride(endpoint)
                        .region(Region.US_EAST_1)
                        .forcePathStyle(true)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(ACCESS, SECRET)))
                        .build();
        raw.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (raw != null) {
            raw.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void openStore() {
        // One prefix per test keeps their objects apart in the shared bucket.
        prefix = "t" + System.nanoTime() + "/";
        store = (S3BlobStore) BlobStores.open(config(BUCKET, SECRET));
    }

    private BlobStoreConfig.S3 config(String bucket, String secret) {
        return new BlobStoreConfig.S3(
                Optional.of(endpoint),
                bucket,
                Optional.of("us-east-1"),
                prefix,
                true,
                Optional.of(new BlobStoreConfig.Credentials(ACCESS, secret)),
                stageDir);
    }

    @Test
    void storesUnderTheSameUriAsTheFileStoreAndReadsBack(@TempDir Path fileRoot) throws Exception {
        byte[] bytes = "%PDF-1.7 s3 hello".getBytes(StandardCharsets.US_ASCII);
        BlobStore.BlobRef expected = new FileBlobStore(fileRoot).put(bytes);

        BlobStore.BlobRef ref = store.put(bytes);

        assertThat(ref).isEqualTo(expected);
        assertThat(ref.uri()).startsWith("blob:sha256:");
        assertThat(store.exists(ref.uri())).isTrue();
        assertThat(store.read(ref.uri())).isEqualTo(bytes);
        String hex = ref.sha256();
        assertThat(keys())
                .containsExactly(
                        prefix
                                + "sha256/"
                                + hex.substring(0, 2)
                                + "/"
                                + hex.substring(2, 4)
                                + "/"
                                + hex);
        assertThat(filesIn(stageDir)).isZero();
    }

    @Test
    void puttingTheSameBytesAgainIsIdempotent() throws Exception {
        byte[] bytes = randomBytes(300_000, 1);
        BlobStore.BlobRef first = store.put(bytes);
        String etag = raw.headObject(b -> b.bucket(BUCKET).key(keys().get(0))).eTag();

        BlobStore.BlobRef second = store.put(bytes);

        assertThat(second).isEqualTo(first);
        assertThat(keys()).hasSize(1);
        assertThat(raw.headObject(b -> b.bucket(BUCKET).key(keys().get(0))).eTag()).isEqualTo(etag);
        assertThat(store.read(first.uri())).isEqualTo(bytes);
    }

    @Test
    void concurrentCommitsOfTheSameBytesLeaveOneObject() throws Exception {
        byte[] bytes = randomBytes(200_000, 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<BlobStore.BlobRef>> puts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                puts.add(() -> store.put(bytes));
            }
            List<BlobStore.BlobRef> refs = new ArrayList<>();
            for (Future<BlobStore.BlobRef> f : pool.invokeAll(puts)) {
                refs.add(f.get());
            }
            assertThat(refs).allMatch(r -> r.equals(refs.get(0)));
        } finally {
            pool.shutdownNow();
        }
        assertThat(keys()).hasSize(1);
        assertThat(store.read(BlobStore.uriOf(sha256(bytes)))).isEqualTo(bytes);
    }

    @Test
    void stagedBytesAreInspectableAndInvisibleUntilCommitted() throws Exception {
        byte[] bytes = randomBytes(70_000, 3);
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(bytes), 1_000_000)) {
            assertThat(staged.size()).isEqualTo(bytes.length);
            try (InputStream in = staged.open()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            assertThat(store.exists(BlobStore.uriOf(staged.sha256()))).isFalse();
            assertThat(keys()).isEmpty();
        }
        assertThat(keys()).isEmpty();
        assertThat(filesIn(stageDir)).isZero();
    }

    @Test
    void overSizeFailsAndLeavesNothingBehind() throws Exception {
        byte[] bytes = randomBytes(10_001, 4);
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(bytes), 10_000))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(filesIn(stageDir)).isZero();
        assertThat(keys()).isEmpty();
    }

    @Test
    void unknownBlobIsNotFoundAndForeignUrisAreRefused() throws Exception {
        String unknown = BlobStore.uriOf("ab".repeat(32));
        assertThat(store.exists(unknown)).isFalse();
        assertThatThrownBy(() -> store.open(unknown))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(unknown);
        assertThatThrownBy(() -> store.open("s3://bucket/../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrongSecretOrBucketFailsAtOpenNamingTheSetting() {
        assertThatThrownBy(() -> BlobStores.open(config(BUCKET, "not-the-secret")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("medvie.blob.s3.bucket")
                .hasMessageContaining("403")
                .hasMessageNotContaining("not-the-secret");
        assertThatThrownBy(() -> BlobStores.open(config("no-such-bucket", SECRET)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("'no-such-bucket'")
                .hasMessageContaining("404");
    }

    @Test
    void anUnreachableServerIsAnIOExceptionCallersRetry() throws Exception {
        BlobStoreConfig.S3 down =
                new BlobStoreConfig.S3(
                        Optional.of(URI.create("http://127.0.0.1:1")),
                        BUCKET,
                        Optional.of("us-east-1"),
                        prefix,
                        true,
                        Optional.of(new BlobStoreConfig.Credentials(ACCESS, SECRET)),
                        stageDir);
        try (S3BlobStore unreachable = S3BlobStore.open(down)) {
            assertThatThrownBy(() -> unreachable.put(new byte[] {1, 2, 3}))
                    .isInstanceOf(java.io.IOException.class)
                    .isNotInstanceOf(BlobNotFoundException.class);
            assertThat(filesIn(stageDir)).isZero();
        }
    }

    private List<String> keys() {
        return raw.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    private static long filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
