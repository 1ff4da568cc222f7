package io.medvie.synth.layout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The contents of {@code manifest.json} at the root of a dataset.
 *
 * @param format always {@link #FORMAT} for this layout version
 * @param generator free text naming the tool that made the set
 * @param seed the run seed, or 0 when the set was not generated from one
 * @param style the style of every report, or null when they differ
 * @param templates the templates used, sorted
 * @param reports one entry per report folder, in index order
 */
@JsonPropertyOrder({"format", "generator", "seed", "style", "templates", "reports"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
        String format,
        String generator,
        long seed,
        String style,
        List<String> templates,
        List<Entry> reports) {

    public static final String FORMAT = "medvie-dataset/1";

    /**
     * @param id report id, also used in logs
     * @param dir folder name relative to the dataset root
     */
    @JsonPropertyOrder({"id", "dir", "template", "style", "pages"})
    public record Entry(String id, String dir, String template, String style, int pages) {}
}
