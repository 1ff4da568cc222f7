package io.medvie.model.artifact;

/** A model artifact that cannot be used: unreadable, tampered with, or made for another schema. */
public final class ArtifactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
