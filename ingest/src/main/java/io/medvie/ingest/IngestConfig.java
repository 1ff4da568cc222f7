package io.medvie.ingest;

import io.medvie.blobstore.BlobStoreConfig;
import io.medvie.schemas.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the ingest service (each also settable as an environment variable, see {@link
 * Settings}).
 *
 * @param host HTTP bind address ({@code medvie.ingest.host}, default 127.0.0.1)
 * @param port HTTP port ({@code medvie.ingest.port}, default 8080; 0 picks a free one)
 * @param maxBytes largest report accepted ({@code medvie.ingest.max.bytes}, default 50 MB)
 * @param blobs the blob store ({@code medvie.blob.store}, {@code medvie.blob.dir}, {@code
 *     medvie.blob.s3.*}, see {@link BlobStoreConfig})
 * @param tokensFile hashed bearer tokens ({@code medvie.ingest.tokens.file})
 * @param watchDir folder to watch for new files ({@code medvie.ingest.watch.dir}, none by default)
 * @param watchInterval how often the folder is polled ({@code medvie.ingest.watch.interval.ms})
 * @param kafka client settings: {@code kafka.bootstrap.servers}, TLS/SASL, passed through
 * @param registryUrl schema registry ({@code schema.registry.url})
 */
public record IngestConfig(
        String host,
        int port,
        long maxBytes,
        BlobStoreConfig blobs,
        Path tokensFile,
        Optional<Path> watchDir,
        Duration watchInterval,
        Map<String, Object> kafka,
        String registryUrl) {

    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    public static IngestConfig from(Settings s) {
        Map<String, Object> kafka = s.kafkaClientProps();
        if (!kafka.containsKey("bootstrap.servers")) {
            s.required("kafka.bootstrap.servers");
        }
        return new IngestConfig(
                s.string("medvie.ingest.host", "127.0.0.1"),
                s.integer("medvie.ingest.port", 8080, 0, 65535),
                s.longValue(
                        "medvie.ingest.max.bytes", DEFAULT_MAX_BYTES, 1, 2L * 1024 * 1024 * 1024),
                BlobStoreConfig.from(s::optional, Path.of("data", "blobs")),
                s.path("medvie.ingest.tokens.file", Path.of("data", "ingest", "tokens")),
                s.optional("medvie.ingest.watch.dir").map(Path::of),
                s.millis("medvie.ingest.watch.interval.ms", Duration.ofSeconds(1)),
                kafka,
                s.required("schema.registry.url"));
    }
}
