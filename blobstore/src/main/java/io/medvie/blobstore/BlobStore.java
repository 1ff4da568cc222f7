package io.medvie.blobstore;

import java.io.IOException;
import java.io.InputStream;

/**
 * A content-addressed store of report bytes: a blob's address is the sha256 of its bytes, so the
 * same bytes are stored once and any service configured with the same store resolves the same URI.
 *
 * <p>Writing is two steps so that a caller can inspect the bytes before they become visible: {@link
 * #stage} streams them to a private temporary place while hashing and counting, then the caller
 * {@link Staged#commit() commits} (durable and visible) or {@link Staged#close() discards}.
 */
public interface BlobStore {
    /** The scheme of every blob URI: {@code blob:sha256:<hex>}. */
    String URI_PREFIX = "blob:sha256:";

    /**
     * Streams {@code in} to a temporary place.
     *
     * @param maxBytes the most bytes accepted; one more fails with {@link BlobTooLargeException}
     *     and leaves nothing behind
     */
    Staged stage(InputStream in, long maxBytes) throws IOException;

    /** Stores bytes already in memory: stage and commit in one call. */
    default BlobRef put(byte[] bytes) throws IOException {
        try (Staged staged = stage(new java.io.ByteArrayInputStream(bytes), bytes.length)) {
            return staged.commit();
        }
    }

    /** Opens a committed blob. */
    InputStream open(String uri) throws IOException;

    /** Reads a whole committed blob. Callers must bound the size they accept themselves. */
    default byte[] read(String uri) throws IOException {
        try (InputStream in = open(uri)) {
            return in.readAllBytes();
        }
    }

    boolean exists(String uri) throws IOException;

    /** Bytes staged but not yet committed. Closing without committing discards them. */
    interface Staged extends AutoCloseable {
        String sha256();

        long size();

        /** Opens the staged bytes for inspection before commit. */
        InputStream open() throws IOException;

        /** Makes the bytes durable and visible under their URI; idempotent for the same bytes. */
        BlobRef commit() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** A committed blob. */
    record BlobRef(String uri, String sha256, long size) {}

    static String uriOf(String sha256) {
        return URI_PREFIX + sha256;
    }

    /** The sha256 in a blob URI; refuses anything that is not one of ours. */
    static String sha256Of(String uri) {
        if (uri == null || !uri.startsWith(URI_PREFIX)) {
            throw new IllegalArgumentException("Not a blob URI: " + uri);
        }
        String hex = uri.substring(URI_PREFIX.length());
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a sha256 in blob URI: " + uri);
        }
        return hex;
    }
}
