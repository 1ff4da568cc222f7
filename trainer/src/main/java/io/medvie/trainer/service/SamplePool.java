package io.medvie.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.dataset.LabeledDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verified samples the trainer holds, one per report (a report verified again replaces its
 * older sample), each on its side of the held-out split. Kept in {@code pool.jsonl} in the data dir
 * (appended and synced before the sample's offset is committed, so a restart loses none), and in
 * memory as labelled documents ready for training and evaluation. Thread-safe.
 */
final class SamplePool {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One verified sample: what is persisted, and its labelled pages.
     *
     * @param reportId the sample's id (sample ids in rounds and events are report ids)
     * @param blobUri the report's bytes
     * @param mediaType as the sample says
     * @param heldOut on the gate's side of the split
     * @param verifiedDocument the reviewer's document
     * @param document the pages labelled from the verified document
     */
    record Sample(
            String reportId,
            String blobUri,
            String mediaType,
            boolean heldOut,
            JsonNode verifiedDocument,
            LabeledDocument document) {

        ObjectNode json() {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("reportId", reportId);
            o.put("blobUri", blobUri);
            o.put("mediaType", mediaType);
            o.put("heldOut", heldOut);
            o.set("verifiedDocument", verifiedDocument);
            return o;
        }
    }

    /** Reads a persisted sample back into a labelled one (pages from the OCR cache). */
    interface Restorer {
        Sample restore(
                String reportId, String blobUri, String mediaType, boolean heldOut, JsonNode doc)
                throws Exception;
    }

    private final Path file;
    private final Map<String, Sample> samples = new TreeMap<>();
    private boolean created;

    private SamplePool(Path file) {
        this.file = file;
    }

    /**
     * Whether this open created the pool file: a new data directory (a new host, a lost disk), as
     * opposed to a restart, however few samples the pool holds.
     */
    boolean created() {
        return created;
    }

    /**
     * The pool of {@code file}, restored line by line; lines that no longer restore are skipped.
     */
    static SamplePool open(Path file, Restorer restorer, org.slf4j.Logger log) throws Exception {
        SamplePool pool = new SamplePool(file);
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file);
            pool.created = true;
        } else {
            int skipped = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o;
                try {
                    o = MAPPER.readTree(line);
                } catch (IOException e) {
                    skipped++; // a line cut by a crash while appending
                    continue;
                }
                try {
                    Sample s =
                            restorer.restore(
                                    o.path("reportId").asText(),
                                    o.path("blobUri").asText(),
                                    o.path("mediaType").asText(),
                                    o.path("heldOut").asBoolean(),
                                    o.path("verifiedDocument"));
                    pool.samples.put(s.reportId(), s);
                } catch (Exception e) {
                    skipped++;
                    log.warn(
                            "Pool sample {} could not be restored and is left out: {}",
                            o.path("reportId").asText(),
                            e.toString());
                }
            }
            log.info(
                    "Pool restored from {}: {} samples ({} held out){}",
                    file,
                    pool.size(),
                    pool.heldOut().size(),
                    skipped > 0 ? ", " + skipped + " lines skipped" : "");
        }
        return pool;
    }

    /** Adds samples durably: appended to the file and synced, then visible. */
    synchronized void addAll(Collection<Sample> added) throws IOException {
        if (added.isEmpty()) {
            return;
        }
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (Sample s : added) {
            lines.append(MAPPER.writeValueAsString(s.json())).append('\n');
        }
        try (FileChannel ch =
                        FileChannel.open(
                                file,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.APPEND);
                OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            ch.force(true);
        }
        for (Sample s : added) {
            samples.put(s.reportId(), s);
        }
    }

    synchronized Sample get(String reportId) {
        return samples.get(reportId);
    }

    /** Training samples, by report id. */
    synchronized List<Sample> train() {
        return samples.values().stream().filter(s -> !s.heldOut()).toList();
    }

    /** Held-out samples, by report id. */
    synchronized List<Sample> heldOut() {
        return samples.values().stream().filter(Sample::heldOut).toList();
    }

    synchronized int size() {
        return samples.size();
    }

    static List<LabeledDocument> documents(List<Sample> samples) {
        List<LabeledDocument> out = new ArrayList<>(samples.size());
        samples.forEach(s -> out.add(s.document()));
        return out;
    }
}
