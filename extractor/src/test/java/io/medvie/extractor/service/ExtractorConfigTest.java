package io.medvie.extractor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.blobstore.BlobStoreConfig;
import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractorConfigTest {
    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrap.servers", "127.0.0.1:9092");
        m.put("schema.registry.url", "http://127.0.0.1:8081");
        return m;
    }

    @Test
    void defaultsRunOnTheCpuWithTheFileStoreAndLoopbackMetrics() {
        ExtractorConfig c = ExtractorConfig.from(Settings.of(base()));
        assertThat(c.device()).isEqualTo("cpu");
        assertThat(c.metricsHost()).isEqualTo("127.0.0.1");
        assertThat(c.blobs()).isEqualTo(new BlobStoreConfig.File(Path.of("data", "blobs")));
    }

    @Test
    void aContainerSetsDeviceStoreAndMetricsByEnvironment() {
        ExtractorConfig c =
                ExtractorConfig.from(
                        Settings.of(
                                base(),
                                Map.of(
                                        "MEDVIE_EXTRACTOR_DEVICE", "GPU:1",
                                        "MEDVIE_EXTRACTOR_METRICS_HOST", "0.0.0.0",
                                        "MEDVIE_BLOB_STORE", "s3",
                                        "MEDVIE_BLOB_S3_BUCKET", "medvie-reports",
                                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL")));
        assertThat(c.device()).isEqualTo("gpu:1");
        assertThat(c.metricsHost()).isEqualTo("0.0.0.0");
        assertThat(c.blobs()).isInstanceOf(BlobStoreConfig.S3.class);
        assertThat(c.kafka()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void anUnknownDeviceIsNamed() {
        Map<String, String> m = base();
        m.put("medvie.extractor.device", "tpu");
        assertThatThrownBy(() -> ExtractorConfig.from(Settings.of(m)))
                .hasMessageContaining("MEDVIE_EXTRACTOR_DEVICE")
                .hasMessageContaining("'tpu'");
    }

    @Test
    void aGpuThePyTorchBuildCannotSeeFailsTheStart() {
        // The CPU build of the PyTorch native library (the one on Maven Central) sees no GPU.
        assertThatThrownBy(() -> ExtractorRuntime.device("gpu"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("medvie.extractor.device")
                .hasMessageContaining("CUDA");
        assertThat(ExtractorRuntime.device("cpu").isGpu()).isFalse();
    }
}
