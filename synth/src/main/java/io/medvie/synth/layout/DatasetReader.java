package io.medvie.synth.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a dataset in the layout of docs/data-layout.md: {@code manifest.json} at the root and one
 * folder per report with {@code meta.json}, the document and the words of each page.
 *
 * <p>Only what the layout documents is read, so sets made by other tools load the same way.
 */
public final class DatasetReader {

    public static final String MANIFEST = "manifest.json";
    public static final String META = "meta.json";

    private final Path root;
    private final Manifest manifest;

    private DatasetReader(Path root, Manifest manifest) {
        this.root = root;
        this.manifest = manifest;
    }

    /** Opens the dataset at {@code root}, failing with the file's name when the manifest is bad. */
    public static DatasetReader open(Path root) {
        Path file = root.resolve(MANIFEST);
        Manifest manifest = read(file, Manifest.class);
        if (manifest.reports() == null) {
            throw new IllegalArgumentException(file + ": no \"reports\" array");
        }
        return new DatasetReader(root, manifest);
    }

    public Path root() {
        return root;
    }

    public Manifest manifest() {
        return manifest;
    }

    public int size() {
        return manifest.reports().size();
    }

    /** The report of the manifest's {@code index}-th entry. */
    public LabeledReport read(int index) {
        return read(manifest.reports().get(index));
    }

    public LabeledReport read(Manifest.Entry entry) {
        Path dir = root.resolve(entry.dir());
        ReportMeta meta = read(dir.resolve(META), ReportMeta.class);
        JsonNode document = read(dir.resolve(meta.document()), JsonNode.class);
        List<PageWords> pages = new ArrayList<>();
        for (ReportMeta.PageFiles files : meta.pages()) {
            pages.add(read(dir.resolve(files.words()), PageWords.class));
        }
        return new LabeledReport(dir, meta, document, List.copyOf(pages));
    }

    /** Every report, in manifest order; fine for test sets, use {@link #read(int)} for big ones. */
    public List<LabeledReport> readAll() {
        List<LabeledReport> all = new ArrayList<>(size());
        for (Manifest.Entry e : manifest.reports()) {
            all.add(read(e));
        }
        return all;
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return DatasetJson.mapper().readValue(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
