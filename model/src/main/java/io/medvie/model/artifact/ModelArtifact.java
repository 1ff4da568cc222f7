package io.medvie.model.artifact;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.medvie.model.decode.TagSet;
import io.medvie.model.network.Tagger;
import io.medvie.schemas.json.DocumentSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The model artifact: one zip file with {@code manifest.json} ({@link ModelManifest}) and {@code
 * parameters.djl} (the tagger's parameters in DJL's format). Loading checks the parameters' SHA-256
 * against the manifest and the manifest's doc type and schema version against this build, and
 * refuses a mismatch naming both values. Artifacts load from bytes, so the extractor can fetch them
 * from the blob store.
 */
public final class ModelArtifact {

    public static final String MANIFEST = "manifest.json";
    public static final String PARAMETERS = "parameters.djl";

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .enable(SerializationFeature.INDENT_OUTPUT);

    /** A loaded model: its manifest and the tagger (close it when done). */
    public record Loaded(ModelManifest manifest, Tagger tagger) implements AutoCloseable {
        @Override
        public void close() {
            tagger.close();
        }
    }

    private ModelArtifact() {}

    /** Writes a tagger and its manifest; the manifest's sha256 is filled in here. */
    public static byte[] write(Tagger tagger, ModelManifest manifest) {
        byte[] parameters = tagger.parameters();
        ModelManifest m = manifest.withParametersSha256(sha256(parameters));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(fixed(MANIFEST));
            zip.write(MAPPER.writeValueAsBytes(m));
            zip.closeEntry();
            zip.putNextEntry(fixed(PARAMETERS));
            zip.write(parameters);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Entries with a fixed time, so the same model gives the same bytes. */
    private static ZipEntry fixed(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        return e;
    }

    public static void write(Tagger tagger, ModelManifest manifest, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, write(tagger, manifest));
    }

    /** The manifest alone, checked like {@link #read} but without loading parameters. */
    public static ModelManifest manifest(byte[] artifact) {
        return entries(artifact).manifest;
    }

    public static Loaded read(Path file, Device device) throws IOException {
        return read(Files.readAllBytes(file), device);
    }

    /**
     * Loads an artifact.
     *
     * @throws ArtifactException when it is not an artifact, its parameters do not hash to the
     *     manifest's sha256, or it was made for another doc type or schema version
     */
    public static Loaded read(byte[] artifact, Device device) {
        Entries e = entries(artifact);
        ModelManifest m = e.manifest;
        TagSet tags = new TagSet(fieldsOf(m));
        try {
            Tagger tagger = Tagger.load(m.network(), m.features(), tags, device, e.parameters);
            return new Loaded(m, tagger);
        } catch (MalformedModelException | RuntimeException ex) {
            throw new ArtifactException(
                    "model "
                            + m.version()
                            + ": parameters do not fit its manifest: "
                            + ex.getMessage(),
                    ex);
        }
    }

    private record Entries(ModelManifest manifest, byte[] parameters) {}

    private static Entries entries(byte[] artifact) {
        byte[] manifestBytes = null;
        byte[] parameters = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(MANIFEST)) {
                    manifestBytes = readEntry(zip);
                } else if (entry.getName().equals(PARAMETERS)) {
                    parameters = readEntry(zip);
                }
            }
        } catch (IOException e) {
            throw new ArtifactException(
                    "not a model artifact (unreadable zip): " + e.getMessage(), e);
        }
        if (manifestBytes == null || parameters == null) {
            throw new ArtifactException(
                    "not a model artifact: needs entries "
                            + MANIFEST
                            + " and "
                            + PARAMETERS
                            + (manifestBytes == null ? "; " + MANIFEST + " missing" : "")
                            + (parameters == null ? "; " + PARAMETERS + " missing" : ""));
        }
        ModelManifest m;
        try {
            m = MAPPER.readValue(manifestBytes, ModelManifest.class);
        } catch (IOException e) {
            throw new ArtifactException(
                    "model artifact manifest is not valid: " + e.getMessage(), e);
        }
        if (!ModelManifest.FORMAT.equals(m.format())) {
            throw new ArtifactException(
                    "model artifact format is '"
                            + m.format()
                            + "', this build reads '"
                            + ModelManifest.FORMAT
                            + "'");
        }
        String actual = sha256(parameters);
        if (!actual.equalsIgnoreCase(String.valueOf(m.parametersSha256()))) {
            throw new ArtifactException(
                    "model "
                            + m.version()
                            + ": parameters sha256 mismatch: the manifest says "
                            + m.parametersSha256()
                            + " but the parameters hash to "
                            + actual
                            + " (corrupt or altered artifact)");
        }
        if (!DocumentSchemas.LAB_REPORT.equals(m.docType())
                || !DocumentSchemas.LAB_REPORT_VERSION.equals(m.schemaVersion())) {
            throw new ArtifactException(
                    "model "
                            + m.version()
                            + " was made for doc type "
                            + m.docType()
                            + " schema version "
                            + m.schemaVersion()
                            + ", but this build validates "
                            + DocumentSchemas.LAB_REPORT
                            + " schema version "
                            + DocumentSchemas.LAB_REPORT_VERSION);
        }
        if (m.features() == null || m.network() == null || m.labels() == null) {
            throw new ArtifactException(
                    "model " + m.version() + ": manifest lacks features, network or labels");
        }
        return new Entries(m, parameters);
    }

    /** The field list behind a label list (O, B-f, I-f, ...), checked for that shape. */
    private static List<String> fieldsOf(ModelManifest m) {
        List<String> labels = m.labels();
        List<String> fields = new ArrayList<>();
        for (int i = 1; i + 1 < labels.size(); i += 2) {
            fields.add(labels.get(i).substring(2));
        }
        TagSet tags = new TagSet(fields);
        if (!tags.labels().equals(labels)) {
            throw new ArtifactException(
                    "model "
                            + m.version()
                            + ": label set is not O followed by B-/I- pairs: "
                            + labels);
        }
        return fields;
    }

    private static byte[] readEntry(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
