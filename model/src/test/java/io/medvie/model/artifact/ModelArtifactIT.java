package io.medvie.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.decode.TagSet;
import io.medvie.model.decode.TaggedPage;
import io.medvie.model.features.FeatureConfig;
import io.medvie.model.features.PageFeatures;
import io.medvie.model.features.PageLayout;
import io.medvie.model.network.Tagger;
import io.medvie.model.network.TaggerConfig;
import io.medvie.model.network.TaggerPredictor;
import io.medvie.schemas.json.DocumentSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelArtifactIT {

    private static Tagger tagger;
    private static byte[] artifact;

    @BeforeAll
    static void write() {
        tagger =
                Tagger.create(
                        TaggerConfig.DEFAULT,
                        FeatureConfig.DEFAULT,
                        TagSet.LAB_REPORT,
                        Device.cpu(),
                        3);
        artifact = ModelArtifact.write(tagger, manifest(DocumentSchemas.LAB_REPORT_VERSION));
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    static ModelManifest manifest(String schemaVersion) {
        ObjectNode training = ModelArtifact.mapper().createObjectNode();
        training.put("data", "hand-made");
        return new ModelManifest(
                ModelManifest.FORMAT,
                "test-1",
                null,
                DocumentSchemas.LAB_REPORT,
                schemaVersion,
                TagSet.LAB_REPORT.labels(),
                FeatureConfig.DEFAULT,
                TaggerConfig.DEFAULT,
                training,
                3,
                Map.of("heldout_f1", 0.5),
                null,
                "2026-01-01T00:00:00Z");
    }

    private static List<PageFeatures> pages(Tagger t) {
        List<PageLayout.Word> words = new ArrayList<>();
        String[] text = {"Patient", "Name:", "ANA", "LIMA", "Hemoglobin", "13.2", "g/dL", "12-16"};
        for (int i = 0; i < text.length; i++) {
            words.add(
                    new PageLayout.Word(
                            text[i], i * 120, (i / 4) * 40, 100, 20, i * 120, (i / 4) * 40, 1f));
        }
        return List.of(t.featurizer().features(PageLayout.of(0, 1000, 1000, words).layout()));
    }

    @Test
    void roundTripGivesTheSameManifestAndPredictions() {
        ModelManifest m = ModelArtifact.manifest(artifact);
        assertThat(m.version()).isEqualTo("test-1");
        assertThat(m.labels()).isEqualTo(TagSet.LAB_REPORT.labels());
        assertThat(m.features()).isEqualTo(FeatureConfig.DEFAULT);
        assertThat(m.network()).isEqualTo(TaggerConfig.DEFAULT);
        assertThat(m.training().get("data").asText()).isEqualTo("hand-made");
        assertThat(m.metrics()).containsEntry("heldout_f1", 0.5);
        assertThat(m.parametersSha256()).isEqualTo(ModelArtifact.sha256(tagger.parameters()));

        try (ModelArtifact.Loaded loaded = ModelArtifact.read(artifact, Device.cpu());
                TaggerPredictor a = tagger.newPredictor();
                TaggerPredictor b = loaded.tagger().newPredictor()) {
            assertThat(loaded.tagger().parameters()).isEqualTo(tagger.parameters());
            TaggedPage pa = a.predict(pages(tagger)).get(0);
            TaggedPage pb = b.predict(pages(loaded.tagger())).get(0);
            assertThat(pb.labels()).containsExactly(pa.labels());
            assertThat(pb.probabilities()).containsExactly(pa.probabilities());
        }
        // same model, same bytes
        assertThat(ModelArtifact.write(tagger, manifest(DocumentSchemas.LAB_REPORT_VERSION)))
                .isEqualTo(artifact);
    }

    @Test
    void refusesParametersThatDoNotHashToTheManifest() throws Exception {
        byte[] corrupted =
                rewrite(
                        artifact,
                        ModelArtifact.PARAMETERS,
                        bytes -> {
                            byte[] copy = bytes.clone();
                            copy[copy.length - 5] ^= 0x5a;
                            return copy;
                        });
        String expected = ModelArtifact.manifest(artifact).parametersSha256();
        assertThatThrownBy(() -> ModelArtifact.read(corrupted, Device.cpu()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("sha256 mismatch")
                .hasMessageContaining(expected);
        assertThatThrownBy(() -> ModelArtifact.manifest(corrupted))
                .isInstanceOf(ArtifactException.class);
    }

    @Test
    void refusesAnotherSchemaVersionNamingBoth() {
        byte[] other = ModelArtifact.write(tagger, manifest("2"));
        assertThatThrownBy(() -> ModelArtifact.read(other, Device.cpu()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("schema version 2")
                .hasMessageContaining("schema version " + DocumentSchemas.LAB_REPORT_VERSION);
    }

    @Test
    void refusesWhatIsNotAnArtifact() throws Exception {
        assertThatThrownBy(() -> ModelArtifact.read("not a zip".getBytes(), Device.cpu()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("not a model artifact");
        byte[] noParameters = rewrite(artifact, ModelArtifact.PARAMETERS, null);
        assertThatThrownBy(() -> ModelArtifact.read(noParameters, Device.cpu()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(ModelArtifact.PARAMETERS + " missing");
    }

    /** A copy of the zip with one entry changed (or left out when {@code change} is null). */
    private static byte[] rewrite(
            byte[] zip, String name, java.util.function.UnaryOperator<byte[]> change)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(name)) {
                    if (change == null) {
                        continue;
                    }
                    bytes = change.apply(bytes);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
