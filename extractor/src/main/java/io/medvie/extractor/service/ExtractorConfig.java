package io.medvie.extractor.service;

import io.medvie.blobstore.BlobStoreConfig;
import io.medvie.extractor.routing.RoutingPolicy;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.json.DocumentSchemas;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of an extractor process (each also an environment variable, see {@link Settings}).
 *
 * @param groupId consumer group shared by all extractors ({@code medvie.extractor.group}, default
 *     {@code medvie-extractor})
 * @param instanceId stable name of this process ({@code medvie.extractor.instance.id}, default the
 *     host name): its transactional id, so that a restarted process aborts what its previous life
 *     left open at once instead of blocking readers until the transaction times out
 * @param maxPollRecords reports per batch ({@code medvie.extractor.max.poll.records}, default 8)
 * @param maxPollInterval bound on one batch's time ({@code medvie.extractor.max.poll.interval.ms},
 *     default 10 min): with OCR at about 1 s per page on one core, 8 reports of several pages stay
 *     far below it, so slow pages never cause a rebalance
 * @param maxReportBytes reports larger than this go to the DLQ unread ({@code
 *     medvie.extractor.max.report.bytes}, default 50 MB)
 * @param blobs the blob store ({@code medvie.blob.store}, {@code medvie.blob.dir}, {@code
 *     medvie.blob.s3.*}, see {@link BlobStoreConfig})
 * @param device where the model runs ({@code medvie.extractor.device}: {@code cpu}, the default,
 *     {@code gpu} or {@code gpu:N}); a GPU needs the CUDA build of the PyTorch native library
 * @param metricsHost address the metrics and health endpoint binds ({@code
 *     medvie.extractor.metrics.host}, default 127.0.0.1; 0.0.0.0 in a container, for scraping)
 * @param metricsPort Prometheus endpoint port ({@code medvie.extractor.metrics.port}, -1 for none,
 *     0 for a free one)
 * @param kafka every {@code kafka.*} setting, TLS and SASL included
 * @param registryUrl schema registry ({@code schema.registry.url})
 * @param routing the policy per doc type ({@code medvie.routing.<docType>.*})
 */
public record ExtractorConfig(
        String groupId,
        String instanceId,
        int maxPollRecords,
        Duration maxPollInterval,
        long maxReportBytes,
        BlobStoreConfig blobs,
        String device,
        String metricsHost,
        int metricsPort,
        Map<String, Object> kafka,
        String registryUrl,
        Map<String, RoutingPolicy> routing) {

    public static ExtractorConfig from(Settings s) {
        Map<String, Object> kafka = s.kafkaClientProps();
        if (!kafka.containsKey("bootstrap.servers")) {
            s.required("kafka.bootstrap.servers");
        }
        return new ExtractorConfig(
                s.string("medvie.extractor.group", "medvie-extractor"),
                s.string("medvie.extractor.instance.id", hostName()),
                s.integer("medvie.extractor.max.poll.records", 8, 1, 500),
                s.millis("medvie.extractor.max.poll.interval.ms", Duration.ofMinutes(10)),
                s.longValue(
                        "medvie.extractor.max.report.bytes", 50L * 1024 * 1024, 1, Long.MAX_VALUE),
                BlobStoreConfig.from(s::optional, Path.of("data", "blobs")),
                device(s),
                s.string("medvie.extractor.metrics.host", "127.0.0.1"),
                s.integer("medvie.extractor.metrics.port", -1, -1, 65535),
                kafka,
                s.required("schema.registry.url"),
                Map.of(
                        DocumentSchemas.LAB_REPORT,
                        RoutingPolicy.from(
                                s, DocumentSchemas.LAB_REPORT, RoutingPolicy.labReportDefaults())));
    }

    private static String device(Settings s) {
        String device = s.string("medvie.extractor.device", "cpu").toLowerCase(Locale.ROOT);
        if (!device.matches("cpu|gpu(:[0-9]{1,2})?")) {
            throw new IllegalArgumentException(
                    "Setting medvie.extractor.device (env MEDVIE_EXTRACTOR_DEVICE) is '"
                            + device
                            + "', expected cpu, gpu or gpu:N");
        }
        return device;
    }

    private static String hostName() {
        try {
            return "extractor-" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "extractor-local";
        }
    }
}
