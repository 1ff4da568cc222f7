package io.medvie.extractor.pipeline;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.dataset.ReportPages;
import io.medvie.ocr.PageReadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medvie extract}: prints the lab-report document of each file with confidences and boxes.
 */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Reads PDF, PNG, JPEG or TIFF files and prints, per file, the extracted lab-report"
                    + " document, whether it validates, and every field with its confidence, page"
                    + " and box (pixels of the page as read).",
            "Exit code 0 when every file was read, 1 when some could not be (each says why on"
                    + " stderr)."
        })
public final class ExtractCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to read.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--model", description = "Model file (default: the model shipped with medvie).")
    Path model;

    @Option(
            names = "--format",
            defaultValue = "json",
            description =
                    "json (indented, an array when several files) or jsonl (one line per file) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() throws Exception {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("jsonl")) {
            throw new ParameterException(
                    spec.commandLine(), "--format: unknown value '" + format + "' (json, jsonl)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = new ObjectMapper();
        if (f.equals("json")) {
            mapper.enable(SerializationFeature.INDENT_OUTPUT);
        }
        int failed = 0;
        List<ObjectNode> results = new ArrayList<>();
        try (Extraction extraction = Extraction.of(ModelChoice.artifact(model), device());
                Extraction.Worker worker = extraction.newWorker()) {
            for (Path file : files) {
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    Extraction.Result r = worker.extract(bytes, ReportPages.mediaType(file));
                    ObjectNode json = ResultJson.of(mapper, file.toString(), r);
                    if (f.equals("jsonl")) {
                        out.println(mapper.writeValueAsString(json));
                        out.flush();
                    } else {
                        results.add(json);
                    }
                } catch (PageReadException e) {
                    failed++;
                    err.println(file + ": " + e.getMessage());
                    err.flush();
                } catch (IOException e) {
                    failed++;
                    err.println(file + ": cannot read the file: " + e.getMessage());
                    err.flush();
                }
            }
        }
        if (f.equals("json")) {
            Object value = results.size() == 1 && files.size() == 1 ? results.get(0) : results;
            out.println(mapper.writeValueAsString(value));
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    private Device device() {
        try {
            return ModelChoice.device(device);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
