package io.medvie.blobstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes staged in a local file, hashed on the way in: the half of {@link BlobStore.Staged} that the
 * file and S3 stores share. A store says only how a staged file is published ({@link #publish});
 * committing twice publishes once, and closing an uncommitted stage deletes its file.
 */
abstract class StagedFile implements BlobStore.Staged {
    private static final int BUFFER = 64 * 1024;

    /** The staged copy, its size, and each digest asked for, in order. */
    record Copy(Path file, long size, byte[][] digests) {}

    protected final Path file;
    protected final String sha256;
    protected final long size;
    private boolean committed;

    protected StagedFile(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * Copies {@code in} to a new file in {@code dir}, computing the named digests as it goes; over
     * {@code maxBytes} the copy is deleted and {@link BlobTooLargeException} thrown.
     */
    static Copy copy(Path dir, InputStream in, long maxBytes, String... algorithms)
            throws IOException {
        Path file = Files.createTempFile(dir, "stage-", ".part");
        MessageDigest[] digests = new MessageDigest[algorithms.length];
        OutputStream sink = Files.newOutputStream(file, StandardOpenOption.WRITE);
        for (int i = 0; i < algorithms.length; i++) {
            digests[i] = digest(algorithms[i]);
            sink = new DigestOutputStream(sink, digests[i]);
        }
        long size = 0;
        boolean ok = false;
        try (OutputStream out = sink) {
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
        byte[][] values = new byte[digests.length][];
        for (int i = 0; i < digests.length; i++) {
            values[i] = digests[i].digest();
        }
        return new Copy(file, size, values);
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Makes the staged bytes durable and visible under {@code ref}; the file is the store's. */
    protected abstract void publish(BlobStore.BlobRef ref) throws IOException;

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
    public final BlobStore.BlobRef commit() throws IOException {
        BlobStore.BlobRef ref = new BlobStore.BlobRef(BlobStore.uriOf(sha256), sha256, size);
        if (!committed) {
            publish(ref);
            committed = true;
        }
        return ref;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(file);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + algorithm, e);
        }
    }
}
