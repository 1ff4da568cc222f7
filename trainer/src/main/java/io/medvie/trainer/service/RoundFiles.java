package io.medvie.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rounds' files in the data dir:
 *
 * <pre>
 * rounds.jsonl                  one line per finished round: decision, both scores, reason, ...
 * rounds/r&lt;n&gt;/round.json         the round's plan: version, base model, sample ids, GRPO settings
 * rounds/r&lt;n&gt;/steps.jsonl        the GRPO metrics of every step
 * rounds/r&lt;n&gt;/checkpoint.json    the last checkpoint's step and parameters file
 * rounds/r&lt;n&gt;/checkpoint-&lt;s&gt;.params
 * rounds/r&lt;n&gt;/candidate.zip      the trained candidate (published or not)
 * rounds/r&lt;n&gt;/gate.json          the gate's decision and the training summary
 * </pre>
 *
 * Every file but the JSONL logs is written to a temporary name and renamed, so a killed trainer
 * leaves either the old or the new file, never half of one.
 */
final class RoundFiles {
    static final ObjectMapper MAPPER = SamplePool.MAPPER;
    private static final Pattern ROUND_DIR = Pattern.compile("r(\\d+)");

    private final Path dir;

    RoundFiles(Path dataDir) {
        this.dir = dataDir;
    }

    Path log() {
        return dir.resolve("rounds.jsonl");
    }

    Path roundDir(int round) {
        return dir.resolve("rounds").resolve("r" + round);
    }

    Path plan(int round) {
        return roundDir(round).resolve("round.json");
    }

    Path steps(int round) {
        return roundDir(round).resolve("steps.jsonl");
    }

    Path checkpoint(int round) {
        return roundDir(round).resolve("checkpoint.json");
    }

    Path candidate(int round) {
        return roundDir(round).resolve("candidate.zip");
    }

    Path gate(int round) {
        return roundDir(round).resolve("gate.json");
    }

    /** The finished rounds, oldest first. */
    List<JsonNode> finished() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (Files.isRegularFile(log())) {
            for (String line : Files.readAllLines(log(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        out.add(MAPPER.readTree(line));
                    } catch (IOException e) {
                        // A line cut by a crash while appending: that round is redone.
                    }
                }
            }
        }
        return out;
    }

    /** The planned round that has no line in the log yet (at most one), or -1. */
    int unfinished() throws IOException {
        Path rounds = dir.resolve("rounds");
        if (!Files.isDirectory(rounds)) {
            return -1;
        }
        List<Integer> done = finished().stream().map(r -> r.path("round").asInt()).toList();
        int found = -1;
        try (Stream<Path> dirs = Files.list(rounds)) {
            for (Path d : dirs.toList()) {
                Matcher m = ROUND_DIR.matcher(d.getFileName().toString());
                if (m.matches() && Files.isRegularFile(d.resolve("round.json"))) {
                    int n = Integer.parseInt(m.group(1));
                    if (!done.contains(n)) {
                        found = Math.max(found, n);
                    }
                }
            }
        }
        return found;
    }

    /** The number of the next round: one more than any round planned or finished. */
    int nextRound() throws IOException {
        int max = 0;
        for (JsonNode r : finished()) {
            max = Math.max(max, r.path("round").asInt());
        }
        return Math.max(max, unfinished()) + 1;
    }

    JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch =
                        FileChannel.open(
                                tmp,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = Channels.newOutputStream(ch)) {
            out.write(bytes);
            out.flush();
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void writeJson(Path file, JsonNode json) throws IOException {
        writeAtomically(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
    }

    /** Appends one JSON line and syncs it. */
    static void append(Path file, ObjectNode line) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch =
                        FileChannel.open(
                                file,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.APPEND);
                OutputStream out = Channels.newOutputStream(ch)) {
            out.write((MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            ch.force(true);
        }
    }
}
