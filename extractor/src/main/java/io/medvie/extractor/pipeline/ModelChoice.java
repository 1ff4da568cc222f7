package io.medvie.extractor.pipeline;

import ai.djl.Device;
import io.medvie.model.artifact.DefaultModel;
import io.medvie.model.network.Tagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The model and device options shared by the commands. */
final class ModelChoice {

    private ModelChoice() {}

    /** The artifact bytes of {@code model}, or of the default model when null. */
    static byte[] artifact(Path model) throws IOException {
        return model == null ? DefaultModel.bytes() : Files.readAllBytes(model);
    }

    static Device device(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> Device.gpu();
            case "auto" -> Tagger.defaultDevice();
            default ->
                    throw new IllegalArgumentException(
                            "--device: unknown value '" + name + "' (cpu, gpu, auto)");
        };
    }
}
