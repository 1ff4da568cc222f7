package io.medvie.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.medvie.ingest.Ingestor;
import io.medvie.synth.generate.DatasetWriter;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.LabeledReport;
import io.medvie.synth.layout.Manifest;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The synthetic reports of a chaos run (every template, so some are routed to review) and the true
 * document of each by report id, for the simulated reviewer. Generated once per folder, style, seed
 * and count (deterministic), then reused.
 */
public final class ChaosStream {

    /** One report to submit and the id ingest will give it. */
    public record Item(Path file, String reportId) {}

    private final List<Item> items;
    private final Map<String, JsonNode> truth;

    private ChaosStream(List<Item> items, Map<String, JsonNode> truth) {
        this.items = items;
        this.truth = truth;
    }

    public static ChaosStream prepare(Path dir, String style, int count, long seed, int threads)
            throws Exception {
        Path out = dir.resolve("chaos-" + style + "-" + seed + "-" + count);
        if (!Files.exists(out.resolve("manifest.json"))) {
            new DatasetWriter(
                            new SynthOptions(
                                    count,
                                    Templates.select(List.of(), List.of()),
                                    Style.parse(style),
                                    seed,
                                    out,
                                    0,
                                    true,
                                    threads))
                    .run(done -> {});
        }
        List<Item> items = new ArrayList<>();
        Map<String, JsonNode> truth = new ConcurrentHashMap<>();
        DatasetReader reader = DatasetReader.open(out);
        for (Manifest.Entry e : reader.manifest().reports()) {
            LabeledReport r = reader.read(e);
            Path f = r.submissionFile();
            String id = Ingestor.reportIdOfFile(f);
            if (truth.putIfAbsent(id, r.document()) == null) {
                items.add(new Item(f, id));
            }
        }
        return new ChaosStream(items, truth);
    }

    public List<Item> items() {
        return items;
    }

    /** The true document of a report, or null. */
    public JsonNode truth(String reportId) {
        return truth.get(reportId);
    }
}
