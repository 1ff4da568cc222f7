package io.medvie.bench.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of a dataset in the synth output layout (docs/data-layout.md), with their ground-truth
 * words: {@code manifest.json} lists report folders; each folder's {@code meta.json} names its
 * style, the unit of its boxes, its PDF and, per page, the image and the words file.
 *
 * <p>Only the documented fields are read, with Jackson's tree model, so sets made by other tools in
 * the same layout load too and this bench does not depend on the generator's classes.
 */
public final class DatasetPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A word of the ground truth, box in the page's unit (pixels, or points for pdf-points). */
    public record TruthWord(String text, double x, double y, double w, double h) {}

    /**
     * One page to read.
     *
     * @param reportId the report's id (for logs; never its content)
     * @param style the report's style (clean, scan, photo, pdf, ...)
     * @param template the report's template name, or "unknown"
     * @param page 1-based page number
     * @param file what to read: the page image, or the born-digital PDF when there is none
     * @param pdfPage for a PDF file, the 0-based page of it that this entry covers; else 0
     * @param unitsPerInch the unit of the truth boxes: the image's dpi, or 72 for PDF points
     * @param words the ground-truth words
     */
    public record PageEntry(
            String reportId,
            String style,
            String template,
            int page,
            Path file,
            int pdfPage,
            double unitsPerInch,
            List<TruthWord> words) {

        public boolean isPdf() {
            return file.getFileName()
                    .toString()
                    .toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".pdf");
        }
    }

    private DatasetPages() {}

    /** Every page of every report of the dataset at {@code root}, in manifest order. */
    public static List<PageEntry> load(Path root) {
        JsonNode manifest = read(root.resolve("manifest.json"));
        JsonNode reports = manifest.path("reports");
        if (!reports.isArray()) {
            throw new IllegalArgumentException(
                    root.resolve("manifest.json") + ": no \"reports\" array");
        }
        List<PageEntry> pages = new ArrayList<>();
        for (JsonNode entry : reports) {
            Path dir = root.resolve(required(entry, "dir", root.resolve("manifest.json")));
            Path metaFile = dir.resolve("meta.json");
            JsonNode meta = read(metaFile);
            String id =
                    meta.path("id").asText(entry.path("id").asText(dir.getFileName().toString()));
            String style = meta.path("style").asText(entry.path("style").asText("unknown"));
            String template =
                    meta.path("template").asText(entry.path("template").asText("unknown"));
            boolean points = "pdf-points".equals(meta.path("coordinates").asText());
            String pdf = meta.path("pdf").isTextual() ? meta.path("pdf").asText() : null;
            JsonNode pageList = meta.path("pages");
            int index = 0;
            for (JsonNode files : pageList) {
                Path wordsFile = dir.resolve(required(files, "words", metaFile));
                JsonNode words = read(wordsFile);
                String image =
                        files.path("image").isTextual() ? files.path("image").asText() : null;
                Path file;
                if (image != null) {
                    file = dir.resolve(image);
                } else if (pdf != null) {
                    file = dir.resolve(pdf);
                } else {
                    throw new IllegalArgumentException(
                            metaFile + ": page " + (index + 1) + " has neither image nor pdf");
                }
                double unitsPerInch =
                        points ? 72.0 : words.path("dpi").asDouble(meta.path("dpi").asDouble(300));
                int pageNumber = files.path("page").asInt(index + 1);
                pages.add(
                        new PageEntry(
                                id,
                                style,
                                template,
                                pageNumber,
                                file,
                                image == null ? pageNumber - 1 : 0,
                                unitsPerInch,
                                truthWords(words.path("words"))));
                index++;
            }
        }
        return pages;
    }

    private static List<TruthWord> truthWords(JsonNode words) {
        List<TruthWord> out = new ArrayList<>();
        for (JsonNode w : words) {
            String text = w.path("text").asText("").strip();
            if (text.isEmpty()) {
                continue;
            }
            out.add(
                    new TruthWord(
                            text,
                            w.path("x").asDouble(),
                            w.path("y").asDouble(),
                            w.path("w").asDouble(),
                            w.path("h").asDouble()));
        }
        return out;
    }

    private static String required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(file + ": missing text field \"" + field + "\"");
        }
        return value.asText();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
