package io.medvie.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.blobstore.BlobStoreConfig;
import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewConfigTest {
    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrap.servers", "127.0.0.1:9092");
        m.put("schema.registry.url", "http://127.0.0.1:8081");
        return m;
    }

    @Test
    void defaults() {
        ReviewConfig c = ReviewConfig.from(Settings.of(base()));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8090);
        assertThat(c.lease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.secureCookies()).as("plain HTTP on loopback").isFalse();
        assertThat(c.bootstrapAdmin()).isEmpty();
        assertThat(c.blobs()).isEqualTo(new BlobStoreConfig.File(Path.of("data", "blobs")));
    }

    @Test
    void theBlobStoreIsChosenByTheEnvironment() {
        ReviewConfig c =
                ReviewConfig.from(
                        Settings.of(
                                base(),
                                Map.of(
                                        "MEDVIE_BLOB_STORE", "s3",
                                        "MEDVIE_BLOB_S3_BUCKET", "medvie-reports",
                                        "MEDVIE_BLOB_S3_ENDPOINT", "http://minio:9000")));
        assertThat(c.blobs()).isInstanceOf(BlobStoreConfig.S3.class);
        assertThat(((BlobStoreConfig.S3) c.blobs()).bucket()).isEqualTo("medvie-reports");
    }

    @Test
    void cookiesAreSecureOffLoopbackUnlessSaidOtherwise() {
        Map<String, String> m = base();
        m.put("medvie.review.host", "0.0.0.0");
        assertThat(ReviewConfig.from(Settings.of(m)).secureCookies()).isTrue();
        m.put("medvie.review.cookie.secure", "false");
        assertThat(ReviewConfig.from(Settings.of(m)).secureCookies()).isFalse();
    }

    @Test
    void badSettingsAreNamed() {
        Map<String, String> m = base();
        m.put("medvie.review.lease.ms", "10");
        assertThatThrownBy(() -> ReviewConfig.from(Settings.of(m)))
                .hasMessageContaining("medvie.review.lease.ms");
        Map<String, String> n = base();
        n.put(ReviewConfig.BOOTSTRAP_ADMIN, "admin");
        assertThatThrownBy(() -> ReviewConfig.from(Settings.of(n)))
                .hasMessageContaining(ReviewConfig.BOOTSTRAP_ADMIN_PASSWORD);
        n.put(ReviewConfig.BOOTSTRAP_ADMIN_PASSWORD, "secret password");
        assertThat(ReviewConfig.from(Settings.of(n)).bootstrapAdmin().orElseThrow().toString())
                .doesNotContain("secret");
        Map<String, String> o = base();
        o.remove("schema.registry.url");
        assertThatThrownBy(() -> ReviewConfig.from(Settings.of(o)))
                .hasMessageContaining("schema.registry.url");
    }
}
