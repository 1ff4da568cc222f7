package io.medvie.blobstore;

import java.io.IOException;

/** The input ran past the size a caller accepts. Nothing was kept. */
public final class BlobTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public BlobTooLargeException(long maxBytes) {
        super("more than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
