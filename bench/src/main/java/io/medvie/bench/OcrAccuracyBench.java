package io.medvie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.bench.ocr.DatasetPages;
import io.medvie.bench.ocr.DatasetPages.PageEntry;
import io.medvie.bench.ocr.ProcessMemory;
import io.medvie.bench.ocr.WordMatcher;
import io.medvie.bench.ocr.WordMatcher.Score;
import io.medvie.ocr.OcrPool;
import io.medvie.ocr.OcrWord;
import io.medvie.ocr.Page;
import io.medvie.ocr.PageReadException;
import io.medvie.ocr.PageReader;
import io.medvie.ocr.ReadLimits;
import io.medvie.ocr.ReadOptions;
import io.medvie.ocr.TesseractOcr;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Tesseract word accuracy per style on a dataset in the synth output layout, with throughput and
 * memory. See docs/benchmarks.md for the metric and recorded figures.
 */
@Command(
        name = "ocr-accuracy",
        mixinStandardHelpOptions = true,
        description =
                "Reads every page of a dataset (synth output layout) with OCR and reports word"
                        + " accuracy per style: a truth word counts when an OCR word with the same"
                        + " text overlaps its box with IoU > 0.5.")
public final class OcrAccuracyBench implements Callable<Integer> {

    /** How pages are read. */
    public enum Mode {
        /** The product's path: PageReader (orientation, deskew, upscaling; PDF text layer). */
        reader,
        /** Bare Tesseract on the page image at its own dpi; PDF-only pages are skipped. */
        raw
    }

    @Option(names = "--data", required = true, description = "Dataset folder (manifest.json).")
    Path data;

    @Option(
            names = "--mode",
            split = ",",
            defaultValue = "reader",
            description = "reader, raw or both (reader,raw). Default: ${DEFAULT-VALUE}.")
    List<Mode> modes;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "OCR worker threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--limit", description = "Read at most this many pages.")
    Integer limit;

    @Option(names = "--styles", split = ",", description = "Only these styles.")
    List<String> styles;

    @Option(
            names = "--thresholding",
            defaultValue = "SAUVOLA",
            description = "Tesseract binarization: OTSU or SAUVOLA. Default: ${DEFAULT-VALUE}.")
    TesseractOcr.Thresholding thresholding;

    @Option(
            names = "--segmentation",
            defaultValue = "AUTO",
            description = "Tesseract page segmentation: AUTO or SPARSE. Default: ${DEFAULT-VALUE}.")
    TesseractOcr.Segmentation segmentation;

    @Option(
            names = "--no-deskew",
            description = "Reader mode: do not estimate skew or straighten pages.")
    boolean noDeskew;

    @Option(
            names = "--no-orientation",
            description = "Reader mode: do not detect 90/180/270 turns.")
    boolean noOrientation;

    @Option(
            names = "--target-dpi",
            defaultValue = "300",
            description = "Reader mode: resolution low-resolution pages are upscaled to.")
    int targetDpi;

    @Option(
            names = "--upscale-below",
            defaultValue = "250",
            description = "Reader mode: pages under this dpi are upscaled. Default: 250.")
    int upscaleBelowDpi;

    @Option(
            names = "--rule-removal",
            description = "Reader mode: erase table rules before OCR (off by default).")
    boolean ruleRemoval;

    @Option(
            names = "--by-template",
            description = "Also break the figures down by style and template.")
    boolean byTemplate;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OcrAccuracyBench()).execute(args));
    }

    /** The figures of one mode. */
    public record Result(
            Mode mode,
            int threads,
            Map<String, Score> perStyle,
            Map<String, Score> perTemplate,
            Map<String, Integer> pagesPerStyle,
            Map<String, Long> millisPerStyle,
            int pages,
            int failedPages,
            Page.Timings timings,
            double seconds,
            long heapPeakBytes,
            long rssBytes,
            long peakRssBytes) {

        public Score total() {
            return perStyle.values().stream().reduce(Score.ZERO, Score::plus);
        }

        public double pagesPerSecond() {
            return seconds == 0 ? 0 : pages / seconds;
        }
    }

    @Override
    public Integer call() {
        List<PageEntry> pages = DatasetPages.load(data);
        if (styles != null) {
            pages = pages.stream().filter(p -> styles.contains(p.style())).toList();
        }
        if (limit != null && pages.size() > limit) {
            pages = pages.subList(0, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Result> results = new ArrayList<>();
        for (Mode mode : modes) {
            results.add(run(mode, pages));
        }
        if (json) {
            out.println(toJson(results));
        } else {
            for (Result r : results) {
                print(out, r);
            }
        }
        out.flush();
        return 0;
    }

    /** Reads the pages in one mode and scores them. */
    public Result run(Mode mode, List<PageEntry> pages) {
        ReadOptions defaults = ReadOptions.DEFAULT;
        ReadOptions sized =
                new ReadOptions(
                        targetDpi,
                        upscaleBelowDpi,
                        defaults.detectOrientation(),
                        defaults.minOrientationConfidence(),
                        defaults.deskew(),
                        defaults.maxSkewDegrees(),
                        defaults.minPdfTextChars(),
                        defaults.removeRules());
        PageReader reader =
                new PageReader(
                        ReadLimits.DEFAULT,
                        sized.withDeskew(!noDeskew)
                                .withDetectOrientation(!noOrientation)
                                .withRemoveRules(ruleRemoval));
        Map<String, Score> perStyle = new TreeMap<>();
        Map<String, Score> perTemplate = new TreeMap<>();
        Map<String, Integer> pageCount = new TreeMap<>();
        Map<String, Long> millis = new TreeMap<>();
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        int failed = 0;
        int counted = 0;
        Page.Timings timings = new Page.Timings(0, 0, 0, 0);
        long start;
        try (OcrPool pool =
                new OcrPool(threads, () -> TesseractOcr.create(thresholding, segmentation))) {
            // Each worker loads its engine when it starts; wait for that so it is not timed.
            for (int i = 0; i < threads; i++) {
                pool.submit(ocr -> null).join();
            }
            start = System.nanoTime();
            for (PageEntry page : pages) {
                if (mode == Mode.raw && page.isPdf()) {
                    continue;
                }
                futures.add(pool.submit(ocr -> readPage(mode, page, reader, ocr)));
            }
            for (CompletableFuture<Outcome> future : futures) {
                Outcome o = join(future);
                counted++;
                if (o.failed()) {
                    failed++;
                }
                timings = add(timings, o.timings());
                perStyle.merge(o.style(), o.score(), Score::plus);
                perTemplate.merge(o.style() + "/" + o.template(), o.score(), Score::plus);
                pageCount.merge(o.style(), 1, Integer::sum);
                millis.merge(o.style(), o.millis(), Long::sum);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(
                mode,
                threads,
                perStyle,
                perTemplate,
                pageCount,
                millis,
                counted,
                failed,
                timings,
                seconds,
                ProcessMemory.heapPeak(),
                ProcessMemory.rss(),
                ProcessMemory.peakRss());
    }

    private record Outcome(
            String style,
            String template,
            Score score,
            long millis,
            boolean failed,
            Page.Timings timings) {}

    private static Page.Timings add(Page.Timings a, Page.Timings b) {
        return new Page.Timings(
                a.loadMillis() + b.loadMillis(),
                a.orientMillis() + b.orientMillis(),
                a.deskewMillis() + b.deskewMillis(),
                a.wordsMillis() + b.wordsMillis());
    }

    private static Outcome join(CompletableFuture<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OCR", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("OCR of a page failed unexpectedly", e.getCause());
        }
    }

    private static Outcome readPage(Mode mode, PageEntry page, PageReader reader, TesseractOcr ocr)
            throws IOException {
        long start = System.nanoTime();
        byte[] bytes = Files.readAllBytes(page.file());
        List<OcrWord> words;
        double scale;
        boolean failed = false;
        Page.Timings timings = new Page.Timings(0, 0, 0, 0);
        if (mode == Mode.raw) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IOException("no ImageIO decoder for " + page.file());
            }
            long ocrStart = System.nanoTime();
            words = ocr.read(image, (int) Math.round(page.unitsPerInch()));
            long ocrMillis = (System.nanoTime() - ocrStart) / 1_000_000;
            timings = new Page.Timings((ocrStart - start) / 1_000_000, 0, 0, ocrMillis);
            scale = 1;
        } else {
            List<OcrWord> read = List.of();
            // Image pages come back in the image's own pixels, like the truth; PDF pages in
            // pixels at the page's dpi, to be brought to the truth's points.
            scale = 1;
            try {
                List<Page> result = reader.read(bytes, null, ocr);
                Page p = result.get(Math.min(page.pdfPage(), result.size() - 1));
                read = p.words();
                timings = p.timings();
                if (page.isPdf()) {
                    scale = page.unitsPerInch() / p.dpi();
                }
            } catch (PageReadException e) {
                // A page the reader refuses (e.g. no text found) scores zero matched words;
                // it is counted in failedPages rather than stopping the run.
                failed = true;
            }
            words = read;
        }
        Score score = WordMatcher.score(page.words(), words, scale);
        return new Outcome(
                page.style(),
                page.template(),
                score,
                (System.nanoTime() - start) / 1_000_000,
                failed,
                timings);
    }

    private void print(PrintWriter out, Result r) {
        out.printf(
                Locale.ROOT,
                "mode %s, %d pages, %d refused%n",
                r.mode(),
                r.pages(),
                r.failedPages());
        if (r.pages() == 0) {
            out.printf(
                    Locale.ROOT,
                    "(nothing to read: mode raw reads page images only, not born-digital PDFs)%n%n");
            return;
        }
        out.printf(
                Locale.ROOT,
                "%-8s %6s %8s %8s %8s %9s %10s %10s %8s%n",
                "style",
                "pages",
                "truth",
                "ocr",
                "matched",
                "accuracy",
                "precision",
                "text-only",
                "s/page");
        for (Map.Entry<String, Score> e : r.perStyle().entrySet()) {
            int n = r.pagesPerStyle().get(e.getKey());
            row(out, e.getKey(), n, e.getValue(), r.millisPerStyle().get(e.getKey()) / 1000.0 / n);
        }
        long totalMillis = r.millisPerStyle().values().stream().mapToLong(Long::longValue).sum();
        row(
                out,
                "all",
                r.pages(),
                r.total(),
                r.pages() == 0 ? 0 : totalMillis / 1000.0 / r.pages());
        if (byTemplate) {
            out.printf(
                    Locale.ROOT,
                    "%-34s %8s %8s %9s%n",
                    "style/template",
                    "truth",
                    "matched",
                    "accuracy");
            for (Map.Entry<String, Score> e : r.perTemplate().entrySet()) {
                Score t = e.getValue();
                out.printf(
                        Locale.ROOT,
                        "%-34s %8d %8d %8.1f%%%n",
                        e.getKey(),
                        t.truthWords(),
                        t.matched(),
                        100 * t.accuracy());
            }
        }
        int n = Math.max(1, r.pages());
        out.printf(
                Locale.ROOT,
                "ms/page: load %d, orientation %d, deskew %d, ocr (incl. upscale) %d%n",
                r.timings().loadMillis() / n,
                r.timings().orientMillis() / n,
                r.timings().deskewMillis() / n,
                r.timings().wordsMillis() / n);
        out.printf(
                Locale.ROOT,
                "throughput %.2f pages/s with %d thread(s); heap peak %d MB; RSS %d MB (peak %d MB)%n%n",
                r.pagesPerSecond(),
                r.threads(),
                r.heapPeakBytes() >> 20,
                r.rssBytes() >> 20,
                r.peakRssBytes() >> 20);
    }

    private static void row(
            PrintWriter out, String style, int pages, Score s, double secondsPerPage) {
        out.printf(
                Locale.ROOT,
                "%-8s %6d %8d %8d %8d %8.1f%% %9.1f%% %9.1f%% %8.2f%n",
                style,
                pages,
                s.truthWords(),
                s.ocrWords(),
                s.matched(),
                100 * s.accuracy(),
                100 * s.precision(),
                100 * s.textAccuracy(),
                secondsPerPage);
    }

    private String toJson(List<Result> results) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data.toString());
        root.put("threads", threads);
        root.put("thresholding", thresholding.name());
        root.put("segmentation", segmentation.name());
        root.put("deskew", !noDeskew);
        root.put("orientation", !noOrientation);
        root.put("rule_removal", ruleRemoval);
        root.put("target_dpi", targetDpi);
        root.put("upscale_below_dpi", upscaleBelowDpi);
        for (Result r : results) {
            ObjectNode mode = root.putObject(r.mode().name());
            mode.put("pages", r.pages());
            mode.put("failed_pages", r.failedPages());
            mode.put("seconds", r.seconds());
            mode.put("pages_per_second", r.pagesPerSecond());
            mode.put("heap_peak_bytes", r.heapPeakBytes());
            mode.put("rss_bytes", r.rssBytes());
            mode.put("peak_rss_bytes", r.peakRssBytes());
            int read = Math.max(1, r.pages());
            ObjectNode ms = mode.putObject("ms_per_page");
            ms.put("load", r.timings().loadMillis() / read);
            ms.put("orientation", r.timings().orientMillis() / read);
            ms.put("deskew", r.timings().deskewMillis() / read);
            ms.put("ocr", r.timings().wordsMillis() / read);
            putScore(mode.putObject("all"), r.total(), r.pages(), -1);
            ObjectNode templateNode = mode.putObject("templates");
            for (Map.Entry<String, Score> e : r.perTemplate().entrySet()) {
                ObjectNode t = templateNode.putObject(e.getKey());
                t.put("truth_words", e.getValue().truthWords());
                t.put("matched", e.getValue().matched());
                t.put("accuracy", e.getValue().accuracy());
            }
            ObjectNode styleNode = mode.putObject("styles");
            for (Map.Entry<String, Score> e : r.perStyle().entrySet()) {
                int n = r.pagesPerStyle().get(e.getKey());
                putScore(
                        styleNode.putObject(e.getKey()),
                        e.getValue(),
                        n,
                        r.millisPerStyle().get(e.getKey()) / 1000.0 / n);
            }
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putScore(ObjectNode node, Score s, int pages, double secondsPerPage) {
        node.put("pages", pages);
        node.put("truth_words", s.truthWords());
        node.put("ocr_words", s.ocrWords());
        node.put("matched", s.matched());
        node.put("accuracy", s.accuracy());
        node.put("precision", s.precision());
        node.put("text_accuracy", s.textAccuracy());
        if (secondsPerPage >= 0) {
            node.put("seconds_per_page", secondsPerPage);
        }
    }
}
