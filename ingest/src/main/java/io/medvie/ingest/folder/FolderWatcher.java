package io.medvie.ingest.folder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.events.ReportSource;
import io.medvie.ingest.IngestException;
import io.medvie.ingest.Ingestor;
import io.medvie.ingest.detect.RejectedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits files dropped into a folder. A file is taken once its size and modification time have not
 * changed between two polls (so half-copied files wait), then moved to {@code processed/} when
 * accepted, or to {@code rejected/} with a {@code .error.json} beside it saying why. When the
 * broker or store is unavailable the file stays where it is and is tried again: nothing is lost.
 *
 * <p>Polling rather than {@code WatchService}: it behaves the same on network and container mounts,
 * where file events are unreliable, and a poll a second costs nothing.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
    public static final String PROCESSED = "processed";
    public static final String REJECTED = "rejected";

    private final Path dir;
    private final Ingestor ingestor;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Path, String> lastSeen = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Thread thread;

    public FolderWatcher(Path dir, Ingestor ingestor, Duration interval) throws IOException {
        this.dir = dir;
        this.ingestor = ingestor;
        this.interval = interval;
        Files.createDirectories(dir.resolve(PROCESSED));
        Files.createDirectories(dir.resolve(REJECTED));
        this.thread = new Thread(this::run, "folder-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (running.get()) {
            try {
                // Sleep first: a file is taken on its second sighting anyway, and a caller that
                // drives pollOnce() itself (the tests) is not raced by a poll at construction.
                Thread.sleep(interval.toMillis());
                pollOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("Watched folder poll failed, will retry", e);
                sleepQuietly();
            }
        }
    }

    /** One pass over the folder; public so tests can drive it without waiting. */
    public synchronized void pollOnce() throws IOException {
        Map<Path, String> seenNow = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                String name = file.getFileName().toString();
                if (!attrs.isRegularFile() || name.startsWith(".") || name.endsWith(".part")) {
                    continue;
                }
                String signature = attrs.size() + "@" + attrs.lastModifiedTime().toMillis();
                seenNow.put(file, signature);
                if (signature.equals(lastSeen.get(file))) {
                    take(file);
                    seenNow.remove(file);
                }
            }
        }
        lastSeen.clear();
        lastSeen.putAll(seenNow);
    }

    private void take(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Ingestor.Receipt receipt = ingestor.submit(in, ReportSource.FOLDER);
            move(file, dir.resolve(PROCESSED));
            log.info(
                    "Watched folder: report {} {}",
                    receipt.reportId(),
                    receipt.duplicate() ? "was already known" : "accepted");
        } catch (RejectedInputException e) {
            Path target = move(file, dir.resolve(REJECTED));
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", e.code());
            error.put("reason", e.reason());
            json.writerWithDefaultPrettyPrinter()
                    .writeValue(
                            target.resolveSibling(target.getFileName() + ".error.json").toFile(),
                            error);
            log.info("Watched folder: a file was rejected ({})", e.code());
        } catch (IngestException e) {
            log.warn("Watched folder: submission failed, the file stays for a retry", e);
        }
    }

    private static Path move(Path file, Path targetDir) throws IOException {
        Path target = targetDir.resolve(file.getFileName());
        int n = 1;
        while (Files.exists(target)) {
            target = targetDir.resolve(n++ + "-" + file.getFileName());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
