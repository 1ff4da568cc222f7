package io.medvie.blobstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BlobStoreConfigTest {
    private static final Path DEFAULT = Path.of("data", "blobs");

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void fileStoreIsTheDefault() {
        assertThat(BlobStoreConfig.from(settings(Map.of()), DEFAULT))
                .isEqualTo(new BlobStoreConfig.File(DEFAULT));
        assertThat(BlobStoreConfig.from(settings(Map.of("medvie.blob.dir", "/var/blobs")), DEFAULT))
                .isEqualTo(new BlobStoreConfig.File(Path.of("/var/blobs")));
    }

    @Test
    void s3WithAnEndpointUsesPathStyleAndStaticCredentials() {
        BlobStoreConfig config =
                BlobStoreConfig.from(
                        settings(
                                Map.of(
                                        "medvie.blob.store", "S3",
                                        "medvie.blob.s3.bucket", "medvie-reports",
                                        "medvie.blob.s3.endpoint", "http://minio:9000",
                                        "medvie.blob.s3.access.key", "medvie",
                                        "medvie.blob.s3.secret.key", "s3cret-value",
                                        "medvie.blob.s3.prefix", "prod/")),
                        DEFAULT);

        assertThat(config).isInstanceOf(BlobStoreConfig.S3.class);
        BlobStoreConfig.S3 s3 = (BlobStoreConfig.S3) config;
        assertThat(s3.endpoint()).contains(URI.create("http://minio:9000"));
        assertThat(s3.bucket()).isEqualTo("medvie-reports");
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.prefix()).isEqualTo("prod/");
        assertThat(s3.region()).isEmpty();
        assertThat(s3.credentials())
                .contains(new BlobStoreConfig.Credentials("medvie", "s3cret-value"));
        assertThat(s3.toString()).doesNotContain("s3cret-value");
    }

    @Test
    void s3OnAwsUsesVirtualHostsAndTheDefaultCredentialChain() {
        BlobStoreConfig.S3 s3 =
                (BlobStoreConfig.S3)
                        BlobStoreConfig.from(
                                settings(
                                        Map.of(
                                                "medvie.blob.store", "s3",
                                                "medvie.blob.s3.bucket", "medvie-reports",
                                                "medvie.blob.s3.region", "eu-west-1")),
                                DEFAULT);
        assertThat(s3.endpoint()).isEmpty();
        assertThat(s3.pathStyle()).isFalse();
        assertThat(s3.credentials()).isEmpty();
        assertThat(s3.region()).contains("eu-west-1");
    }

    @Test
    void badValuesNameTheSettingAndItsVariable() {
        assertThatThrownBy(
                        () ->
                                BlobStoreConfig.from(
                                        settings(Map.of("medvie.blob.store", "nfs")), DEFAULT))
                .hasMessageContaining("medvie.blob.store")
                .hasMessageContaining("MEDVIE_BLOB_STORE")
                .hasMessageContaining("'nfs'");
        assertThatThrownBy(
                        () ->
                                BlobStoreConfig.from(
                                        settings(Map.of("medvie.blob.store", "s3")), DEFAULT))
                .hasMessageContaining("MEDVIE_BLOB_S3_BUCKET")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> s3(Map.of("medvie.blob.s3.bucket", "Bad_Bucket")))
                .hasMessageContaining("medvie.blob.s3.bucket")
                .hasMessageContaining("'Bad_Bucket'");
        assertThatThrownBy(() -> s3(Map.of("medvie.blob.s3.endpoint", "minio:9000")))
                .hasMessageContaining("MEDVIE_BLOB_S3_ENDPOINT");
        assertThatThrownBy(() -> s3(Map.of("medvie.blob.s3.path.style", "maybe")))
                .hasMessageContaining("MEDVIE_BLOB_S3_PATH_STYLE")
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> s3(Map.of("medvie.blob.s3.prefix", "no-slash")))
                .hasMessageContaining("MEDVIE_BLOB_S3_PREFIX");
        assertThatThrownBy(() -> s3(Map.of("medvie.blob.s3.access.key", "medvie")))
                .hasMessageContaining("MEDVIE_BLOB_S3_SECRET_KEY");
    }

    @Test
    void credentialsInTheEndpointAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(
                        () -> s3(Map.of("medvie.blob.s3.endpoint", "http://u:hunter2@minio:9000")))
                .hasMessageContaining("MEDVIE_BLOB_S3_ENDPOINT")
                .hasMessageNotContaining("hunter2");
    }

    private static BlobStoreConfig s3(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(extra);
        values.put("medvie.blob.store", "s3");
        values.putIfAbsent("medvie.blob.s3.bucket", "medvie-reports");
        return BlobStoreConfig.from(settings(values), DEFAULT);
    }
}
