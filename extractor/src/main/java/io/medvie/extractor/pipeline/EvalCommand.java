package io.medvie.extractor.pipeline;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.dataset.ReportPages;
import io.medvie.model.eval.EvalReport;
import io.medvie.ocr.OcrPool;
import io.medvie.ocr.Page;
import io.medvie.ocr.TesseractOcr;
import io.medvie.synth.layout.DatasetReader;
import io.medvie.synth.layout.LabeledReport;
import io.medvie.synth.layout.Manifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code medvie eval}: field precision, recall and F1 of a model on a dataset. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Extracts every report of a folder in the dataset layout (docs/data-layout.md) the way"
                    + " `medvie extract` does (PDF text or OCR, then the model) and scores the"
                    + " documents against the folder's document.json: field precision, recall and"
                    + " F1 (docs/model.md), overall, per style and per field.",
            "Pages read once are cached beside the report (page-N.ocr.json) and reused."
        })
public final class EvalCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, description = "Dataset folder.")
    Path data;

    @Option(names = "--model", description = "Model file (default: the model shipped with medvie).")
    Path model;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(
            names = "--no-ocr-cache",
            description = "Read every page again and do not write the cache.")
    boolean noCache;

    @Option(names = "--threads", description = "OCR workers (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatasetReader dataset;
        try {
            dataset = DatasetReader.open(data);
        } catch (RuntimeException e) {
            throw new ParameterException(
                    spec.commandLine(), "--data " + data + ": not a dataset: " + e.getMessage(), e);
        }
        Device d;
        try {
            d = ModelChoice.device(device);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        EvalReport report = new EvalReport();
        long start = System.nanoTime();
        long modelMillis = 0;
        int pageCount = 0;
        try (Extraction extraction = Extraction.of(ModelChoice.artifact(model), d);
                Extraction.Worker worker = extraction.newPagesWorker();
                OcrPool pool = new OcrPool(Math.max(1, threads), TesseractOcr::create)) {
            List<LabeledReport> reports = new ArrayList<>();
            List<CompletableFuture<List<Page>>> pages = new ArrayList<>();
            for (Manifest.Entry e : dataset.manifest().reports()) {
                LabeledReport r = dataset.read(e);
                reports.add(r);
                pages.add(
                        pool.submit(
                                ocr ->
                                        noCache
                                                ? ReportPages.readFiles(r, extraction.reader(), ocr)
                                                : ReportPages.read(
                                                        r, extraction.reader(), ocr, true)));
            }
            long last = System.nanoTime();
            for (int i = 0; i < reports.size(); i++) {
                LabeledReport r = reports.get(i);
                String style = r.meta().style();
                try {
                    List<Page> p = pages.get(i).get();
                    Extraction.Result result = worker.extract(p);
                    modelMillis += result.timings().modelMillis() + result.timings().decodeMillis();
                    pageCount += p.size();
                    report.add(style, result.decoded().document(), r.document());
                } catch (ExecutionException ex) {
                    err.println(r.id() + ": " + ex.getCause().getMessage());
                    report.addFailure(style, r.document());
                }
                long now = System.nanoTime();
                if (now - last > 5_000_000_000L) {
                    last = now;
                    err.printf(
                            Locale.ROOT,
                            "eval: %d/%d reports, F1 so far %.4f%n",
                            i + 1,
                            reports.size(),
                            report.f1());
                    err.flush();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            ObjectNode node = report.toJson();
            node.put("pages", pageCount);
            node.put("seconds", Math.round(seconds * 10) / 10.0);
            node.put("model_ms_per_page", pageCount == 0 ? 0 : (double) modelMillis / pageCount);
            out.println(new ObjectMapper().writeValueAsString(node));
        } else {
            out.print(report.toTable());
            out.printf(
                    Locale.ROOT,
                    "%n%d pages in %.1f s; model + decoding %.1f ms/page%n",
                    pageCount,
                    seconds,
                    pageCount == 0 ? 0 : (double) modelMillis / pageCount);
        }
        out.flush();
        return 0;
    }
}
