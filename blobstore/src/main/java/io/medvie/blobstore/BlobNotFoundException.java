package io.medvie.blobstore;

import java.io.IOException;

/** No committed blob has this URI. */
public final class BlobNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public BlobNotFoundException(String uri) {
        super("no blob " + uri);
    }
}
