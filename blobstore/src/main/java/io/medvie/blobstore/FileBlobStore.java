package io.medvie.blobstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * {@link BlobStore} on a local file system: {@code <root>/sha256/ab/cd/<hex>}.
 *
 * <p>A commit is atomic and durable: the bytes are written to a temporary file under {@code
 * <root>/tmp}, fsynced, renamed into place with an atomic move, and the directory is fsynced, so a
 * crash leaves either no blob or the whole blob, never a partial one under its final name.
 */
public final class FileBlobStore implements BlobStore {

    private final Path root;
    private final Path tmp;

    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath();
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(this.root.resolve("sha256"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create blob store at " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        StagedFile.Copy copy = StagedFile.copy(tmp, in, maxBytes, "SHA-256");
        return new FileStaged(copy.file(), StagedFile.hex(copy.digests()[0]), copy.size());
    }

    @Override
    public InputStream open(String uri) throws IOException {
        Path path = pathOf(BlobStore.sha256Of(uri));
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(uri);
        }
    }

    @Override
    public boolean exists(String uri) {
        return Files.exists(pathOf(BlobStore.sha256Of(uri)));
    }

    private Path pathOf(String sha256) {
        return root.resolve("sha256")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    private final class FileStaged extends StagedFile {
        FileStaged(Path file, String sha256, long size) {
            super(file, sha256, size);
        }

        @Override
        protected void publish(BlobRef ref) throws IOException {
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                // Content-addressed: the same hash means the same bytes are already durable.
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(file);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("Blob store needs atomic rename within " + root, e);
            }
            fsyncDirectory(target.getParent());
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        // Makes the rename itself durable; Linux allows opening a directory for reading to sync it.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
