package io.medvie.blobstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@link BlobStore} on a local file system: {@code <root>/sha256/ab/cd/<hex>}.
 *
 * <p>A commit is atomic and durable: the bytes are written to a temporary file under {@code
 * <root>/tmp}, fsynced, renamed into place with an atomic move, and the directory is fsynced, so a
 * crash leaves either no blob or the whole blob, never a partial one under its final name.
 */
public final class FileBlobStore implements BlobStore {
    private static final int BUFFER = 64 * 1024;

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
        Path file = Files.createTempFile(tmp, "stage-", ".part");
        MessageDigest digest = sha256();
        long size = 0;
        boolean ok = false;
        try (OutputStream out =
                new DigestOutputStream(
                        Files.newOutputStream(file, StandardOpenOption.WRITE), digest)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
        return new FileStaged(file, HexFormat.of().formatHex(digest.digest()), size);
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

    private final class FileStaged implements Staged {
        private final Path file;
        private final String sha256;
        private final long size;
        private boolean committed;

        FileStaged(Path file, String sha256, long size) {
            this.file = file;
            this.sha256 = sha256;
            this.size = size;
        }

        @Override
        public String sha256() {
            return sha256;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public BlobRef commit() throws IOException {
            BlobRef ref = new BlobRef(BlobStore.uriOf(sha256), sha256, size);
            if (committed) {
                return ref;
            }
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                // Content-addressed: the same hash means the same bytes are already durable.
                Files.deleteIfExists(file);
                committed = true;
                return ref;
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
            committed = true;
            return ref;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        // Makes the rename itself durable; Linux allows opening a directory for reading to sync it.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
