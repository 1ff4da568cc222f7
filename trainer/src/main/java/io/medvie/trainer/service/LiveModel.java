package io.medvie.trainer.service;

import ai.djl.Device;
import io.medvie.events.ModelPublished;
import io.medvie.model.artifact.DefaultModel;
import io.medvie.model.artifact.ModelArtifact;
import io.medvie.model.artifact.ModelManifest;

/**
 * The model the extractors serve: the newest {@code ModelPublished} of the trainer's model name, or
 * the shipped default model when none was published. Holds the artifact's bytes; a round loads its
 * own taggers from them (the base it starts from, the live model the gate compares with).
 *
 * @param version its version
 * @param blobUri where its artifact is, null for the shipped default
 * @param sha256 its artifact's sha256
 * @param artifact the artifact's bytes
 * @param manifest the artifact's manifest
 */
record LiveModel(
        String version, String blobUri, String sha256, byte[] artifact, ModelManifest manifest)
        implements AutoCloseable {

    static LiveModel shipped() {
        byte[] bytes = DefaultModel.bytes();
        ModelManifest m = ModelArtifact.manifest(bytes);
        return new LiveModel(m.version(), null, ModelArtifact.sha256(bytes), bytes, m);
    }

    /**
     * A published model, checked the way the extractor checks it (format, parameters' hash, doc
     * type and schema version, version named by the event), so the trainer never builds on a model
     * the extractors refuse.
     */
    static LiveModel published(byte[] artifact, ModelPublished event) {
        try (ModelArtifact.Loaded loaded = ModelArtifact.read(artifact, Device.cpu())) {
            if (!loaded.manifest().version().equals(event.getVersion())) {
                throw new IllegalArgumentException(
                        "artifact says version "
                                + loaded.manifest().version()
                                + ", the event "
                                + event.getVersion());
            }
            return new LiveModel(
                    event.getVersion(),
                    event.getBlobUri(),
                    event.getSha256(),
                    artifact,
                    loaded.manifest());
        }
    }

    ModelArtifact.Loaded load() {
        return ModelArtifact.read(artifact, Device.cpu());
    }

    @Override
    public void close() {
        // Bytes only: nothing native to free.
    }
}
