package io.medvie.ingest;

import io.medvie.blobstore.BlobStore;
import io.medvie.blobstore.BlobTooLargeException;
import io.medvie.events.ReportSource;
import io.medvie.events.ReportSubmitted;
import io.medvie.ingest.detect.MediaTypeDetector;
import io.medvie.ingest.detect.RejectedInputException;
import io.medvie.ingest.ledger.ReportLedger;
import io.medvie.schemas.Topics;
import io.medvie.schemas.json.DocumentSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a report's bytes, whatever door they came through: checks them, stores them, announces them
 * once.
 *
 * <p>Order matters for "nothing lost": the event is produced only after the blob is durable, and
 * the caller hears "accepted" only after the broker acknowledged the event (acks=all, idempotent
 * producer). A crash in between leaves a blob with no event; submitting the same bytes again
 * produces it, because the ledger only knows reports whose event was written.
 */
public final class Ingestor {
    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    private final BlobStore blobs;
    private final Producer<String, ReportSubmitted> producer;
    private final ReportLedger ledger;
    private final long maxBytes;
    private final Duration sendTimeout;
    private final Clock clock;
    private final ConcurrentHashMap<String, Object> inFlight = new ConcurrentHashMap<>();

    /** What ingest answers for an accepted report. */
    public record Receipt(
            String reportId, String sha256, String mediaType, long sizeBytes, boolean duplicate) {}

    public Ingestor(
            BlobStore blobs,
            Producer<String, ReportSubmitted> producer,
            ReportLedger ledger,
            long maxBytes,
            Duration sendTimeout,
            Clock clock) {
        this.blobs = blobs;
        this.producer = producer;
        this.ledger = ledger;
        this.maxBytes = maxBytes;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The report id of some bytes: derived from their hash, so equal bytes get equal ids. */
    public static String reportIdOf(String sha256) {
        return "r-" + sha256.substring(0, 32);
    }

    /** The report id ingest will give a file's bytes (for clients that know what they send). */
    public static String reportIdOfFile(Path file) throws IOException {
        try {
            return reportIdOf(
                    HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256")
                                            .digest(Files.readAllBytes(file))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Submits one report.
     *
     * @throws RejectedInputException when the input is empty, too large, of an unknown type or
     *     truncated; nothing is stored
     * @throws IngestException when storing or announcing failed; the caller may retry
     */
    public Receipt submit(InputStream in, ReportSource source)
            throws RejectedInputException, IngestException {
        BlobStore.Staged staged;
        try {
            staged = blobs.stage(in, maxBytes);
        } catch (BlobTooLargeException e) {
            throw RejectedInputException.tooLarge(maxBytes);
        } catch (IOException e) {
            throw new IngestException("reading the upload or staging it failed", e);
        }
        try (staged) {
            String mediaType = detect(staged);
            String reportId = reportIdOf(staged.sha256());
            // Two uploads of the same bytes at once must still give one event.
            Object lock = inFlight.computeIfAbsent(reportId, id -> new Object());
            try {
                synchronized (lock) {
                    if (ledger.contains(reportId)) {
                        log.info("Report {} already known ({} bytes)", reportId, staged.size());
                        return new Receipt(
                                reportId, staged.sha256(), mediaType, staged.size(), true);
                    }
                    BlobStore.BlobRef ref = staged.commit();
                    ReportSubmitted event =
                            ReportSubmitted.newBuilder()
                                    .setReportId(reportId)
                                    .setSha256(ref.sha256())
                                    .setBlobUri(ref.uri())
                                    .setMediaType(mediaType)
                                    .setSizeBytes(ref.size())
                                    .setPageCount(null)
                                    .setSource(source)
                                    .setDocType(DocumentSchemas.LAB_REPORT)
                                    .setSubmittedAt(clock.instant())
                                    .build();
                    send(event);
                    ledger.recordSubmitted(event);
                    log.info(
                            "Report {} accepted: {} bytes, {}, source {}",
                            reportId,
                            ref.size(),
                            mediaType,
                            source);
                    return new Receipt(reportId, ref.sha256(), mediaType, ref.size(), false);
                }
            } finally {
                inFlight.remove(reportId, lock);
            }
        } catch (IOException e) {
            throw new IngestException("storing the report failed", e);
        }
    }

    private String detect(BlobStore.Staged staged) throws IOException, RejectedInputException {
        long size = staged.size();
        if (size == 0) {
            throw RejectedInputException.empty();
        }
        byte[] head;
        byte[] tail;
        try (InputStream in = staged.open()) {
            head = in.readNBytes(MediaTypeDetector.HEAD_BYTES);
        }
        try (InputStream in = staged.open()) {
            long skip = Math.max(0, size - MediaTypeDetector.TAIL_BYTES);
            in.skipNBytes(skip);
            tail = in.readAllBytes();
        }
        return MediaTypeDetector.detect(head, tail, size);
    }

    private void send(ReportSubmitted event) throws IngestException {
        try {
            producer.send(new ProducerRecord<>(Topics.REPORTS, event.getReportId(), event))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while announcing the report", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IngestException("the broker did not acknowledge the report event", e);
        } catch (KafkaException e) {
            // Serialization (schema registry) and producer-state failures surface synchronously.
            throw new IngestException("the report event could not be sent", e);
        }
    }
}
