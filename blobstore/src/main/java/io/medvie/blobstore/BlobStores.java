package io.medvie.blobstore;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one place a service turns its blob settings into a store. */
public final class BlobStores {
    private BlobStores() {}

    /**
     * Opens the configured store. An S3 store is checked once (the bucket answers to these
     * credentials), so a service with a wrong bucket, endpoint or key fails at start, naming the
     * setting.
     *
     * @throws UncheckedIOException when the store cannot be created or reached
     */
    public static BlobStore open(BlobStoreConfig config) {
        if (config instanceof BlobStoreConfig.S3 s3) {
            S3BlobStore store = S3BlobStore.open(s3);
            try {
                store.checkBucket();
            } catch (IOException e) {
                store.close();
                throw new UncheckedIOException(e.getMessage(), e);
            }
            return store;
        }
        return new FileBlobStore(((BlobStoreConfig.File) config).root());
    }
}
