package io.medvie.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.ingest.Ingestor;
import io.medvie.synth.generate.DatasetWriter;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.LabeledReport;
import io.medvie.synth.layout.Manifest;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's synthetic reports: a stream to submit, some from templates the shipped model has seen
 * and some from templates it never saw, and a separate evaluation set of unseen-template reports.
 * Generated once per data directory and seed (deterministic), then reused. The true document of
 * every streamed report is kept by report id, for the simulated reviewer.
 */
public final class DemoStream {

    /** Templates the shipped model was not trained on (docs/model.md). */
    public static final List<String> UNSEEN = List.of("euro-letter", "cumulative-landscape");

    /** One report to submit: its file and the id ingest will give it. */
    public record Item(Path file, String reportId, String template, boolean unseen) {}

    private final List<Item> items;
    private final Map<String, JsonNode> truth;
    private final Path evalDir;

    private DemoStream(List<Item> items, Map<String, JsonNode> truth, Path evalDir) {
        this.items = items;
        this.truth = truth;
        this.evalDir = evalDir;
    }

    /**
     * Makes (or reuses) the data under {@code dir}.
     *
     * @param seen reports from the templates the model knows
     * @param unseen reports from {@link #UNSEEN}
     * @param eval unseen-template reports for scoring each model version
     */
    public static DemoStream prepare(
            Path dir, String style, int seen, int unseen, int eval, long seed, int threads)
            throws Exception {
        Path seenDir = dir.resolve("stream-seen-" + style + "-" + seed + "-" + seen);
        Path unseenDir = dir.resolve("stream-unseen-" + style + "-" + seed + "-" + unseen);
        Path evalDir = dir.resolve("eval-unseen-" + style + "-" + seed + "-" + eval);
        generate(seenDir, seen, Templates.select(List.of(), UNSEEN), style, seed, threads);
        generate(unseenDir, unseen, Templates.select(UNSEEN, List.of()), style, seed + 1, threads);
        generate(evalDir, eval, Templates.select(UNSEEN, List.of()), style, seed + 2, threads);
        Map<String, JsonNode> truth = new ConcurrentHashMap<>();
        List<Item> seenItems = items(seenDir, false, truth);
        List<Item> unseenItems = items(unseenDir, true, truth);
        // Interleave so that unseen templates arrive all along the stream.
        List<Item> all = new ArrayList<>();
        int s = 0;
        int u = 0;
        while (s < seenItems.size() || u < unseenItems.size()) {
            boolean takeUnseen =
                    u < unseenItems.size()
                            && (s >= seenItems.size()
                                    || (long) u * seenItems.size()
                                            <= (long) s * unseenItems.size());
            all.add(takeUnseen ? unseenItems.get(u++) : seenItems.get(s++));
        }
        return new DemoStream(all, truth, evalDir);
    }

    private static void generate(
            Path out,
            int count,
            List<io.medvie.synth.template.Template> templates,
            String style,
            long seed,
            int threads)
            throws Exception {
        if (count == 0 || Files.exists(out.resolve("manifest.json"))) {
            return;
        }
        new DatasetWriter(
                        new SynthOptions(
                                count, templates, Style.parse(style), seed, out, 0, true, threads))
                .run(done -> {});
    }

    /** The reports of a folder to submit; their true documents go into {@code truth} by id. */
    private static List<Item> items(Path dir, boolean unseen, Map<String, JsonNode> truth)
            throws IOException {
        List<Item> out = new ArrayList<>();
        if (!Files.exists(dir.resolve("manifest.json"))) {
            return out;
        }
        DatasetReader reader = DatasetReader.open(dir);
        for (Manifest.Entry e : reader.manifest().reports()) {
            LabeledReport r = reader.read(e);
            Path f = r.submissionFile();
            String id = Ingestor.reportIdOfFile(f);
            truth.put(id, r.document());
            out.add(new Item(f, id, e.template(), unseen));
        }
        return out;
    }

    public List<Item> items() {
        return items;
    }

    /** The true document of a streamed report, or null. */
    public JsonNode truth(String reportId) {
        return truth.get(reportId);
    }

    /** Unseen-template reports in the dataset layout, for scoring model versions. */
    public Path evalDir() {
        return evalDir;
    }
}
