package io.medvie.model.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The model shipped with the project: a class path resource built by the command in docs/model.md
 * (synthetic data, fixed seeds), used when no model is given.
 */
public final class DefaultModel {

    /** Where the artifact lives on the class path. */
    public static final String RESOURCE = "/io/medvie/model/default-model.zip";

    private DefaultModel() {}

    /** The artifact's bytes. */
    public static byte[] bytes() {
        try (InputStream in = DefaultModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ArtifactException(
                        "no default model on the class path ("
                                + RESOURCE
                                + "); give --model, or rebuild it with the command in docs/model.md");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default model " + RESOURCE, e);
        }
    }
}
