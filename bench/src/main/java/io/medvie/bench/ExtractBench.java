package io.medvie.bench;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.bench.ocr.DatasetPages;
import io.medvie.bench.ocr.DatasetPages.PageEntry;
import io.medvie.bench.ocr.ProcessMemory;
import io.medvie.extractor.pipeline.Extraction;
import io.medvie.ocr.PageReadException;
import io.medvie.ocr.TesseractOcr;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Pages/s of the full extraction (read, model, decode) against pages/s of bare Tesseract on the
 * same page images, measured in one run. See docs/benchmarks.md.
 *
 * <p>Each thread takes pages from a shared list and reads every page both ways, in alternating
 * order (even pages baseline first, odd pages extraction first), so machine load and caches affect
 * both alike. A mode's pages/s is pages divided by its summed busy time per thread.
 */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description =
                "Full extraction against bare Tesseract on the same page images (synth layout),"
                        + " interleaved in one run: pages/s of each, their ratio, and model"
                        + " inference ms/page.")
public final class ExtractBench implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Dataset folder (manifest.json).")
    Path data;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "Worker threads, each with its own engines. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--limit", description = "Read at most this many pages.")
    Integer limit;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExtractBench()).execute(args));
    }

    /**
     * The figures of one run. Times are summed over pages, in nanoseconds.
     *
     * @param pages pages timed in both modes
     * @param refused pages the extraction refused (a typed read error); their time still counts
     */
    public record Result(
            int threads,
            int pages,
            int refused,
            long baselineNanos,
            long extractionNanos,
            long readMillis,
            long modelMillis,
            long decodeMillis,
            double loadAverage,
            long heapPeakBytes,
            long rssBytes,
            long peakRssBytes) {

        public double baselinePagesPerSecond() {
            return perSecond(baselineNanos);
        }

        public double extractionPagesPerSecond() {
            return perSecond(extractionNanos);
        }

        /** Extraction pages/s over Tesseract pages/s (issue 5 wants at least 0.9). */
        public double ratio() {
            return extractionNanos == 0 ? 0 : (double) baselineNanos / extractionNanos;
        }

        /**
         * Share of the extraction's time spent reading pages (PageReader: load, orientation,
         * deskew, upscaling, OCR): what the extraction's rate would be, relative to reading alone.
         * It isolates the cost of the model and decoding from the reader's preprocessing.
         */
        public double readShare() {
            long total = readMillis + modelMillis + decodeMillis;
            return total == 0 ? 0 : (double) readMillis / total;
        }

        public double modelMillisPerPage() {
            return pages == 0 ? 0 : (double) modelMillis / pages;
        }

        private double perSecond(long nanos) {
            return nanos == 0 ? 0 : pages * threads / (nanos / 1e9);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<PageEntry> pages = imagePages(data, limit);
        if (pages.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--data " + data + " has no page images to read");
        }
        Result r = run(pages, threads);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(r));
        } else {
            print(out, r);
        }
        out.flush();
        return 0;
    }

    /** The page images of a dataset (born-digital PDF pages skipped), at most {@code limit}. */
    static List<PageEntry> imagePages(Path data, Integer limit) {
        List<PageEntry> pages = DatasetPages.load(data).stream().filter(p -> !p.isPdf()).toList();
        if (limit != null && pages.size() > limit) {
            pages = pages.subList(0, limit);
        }
        return pages;
    }

    /** One page in memory: its bytes, media type and dpi. */
    record Input(byte[] bytes, String mediaType, int dpi) {
        static Input of(PageEntry page) {
            try {
                return new Input(
                        Files.readAllBytes(page.file()),
                        mediaTypeOf(page.file()),
                        (int) Math.round(page.unitsPerInch()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + page.file(), e);
            }
        }
    }

    static String mediaTypeOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return "image/tiff";
        }
        throw new IllegalArgumentException("not a page image: " + file);
    }

    /** Bare Tesseract on a page image: decode, then read at the image's own dpi. */
    static int baseline(TesseractOcr ocr, Input page) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.bytes()));
        if (image == null) {
            throw new IOException("no ImageIO decoder for a " + page.mediaType() + " page");
        }
        return ocr.read(image, page.dpi()).size();
    }

    private record Totals(
            long baselineNanos,
            long extractionNanos,
            long read,
            long model,
            long decode,
            int pages,
            int refused) {}

    /** Reads every page both ways on {@code threads} threads. */
    public Result run(List<PageEntry> entries, int threads) throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        List<Input> inputs = entries.stream().map(Input::of).toList();
        AtomicInteger next = new AtomicInteger();
        List<Future<Totals>> futures = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try (Extraction extraction = Extraction.withDefaultModel(Device.cpu())) {
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> work(extraction, inputs, next)));
            }
            long b = 0;
            long e = 0;
            long read = 0;
            long model = 0;
            long decode = 0;
            int pages = 0;
            int refused = 0;
            for (Future<Totals> f : futures) {
                Totals t = join(f);
                b += t.baselineNanos();
                e += t.extractionNanos();
                read += t.read();
                model += t.model();
                decode += t.decode();
                pages += t.pages();
                refused += t.refused();
            }
            return new Result(
                    threads,
                    pages,
                    refused,
                    b,
                    e,
                    read,
                    model,
                    decode,
                    loadAverage(),
                    ProcessMemory.heapPeak(),
                    ProcessMemory.rss(),
                    ProcessMemory.peakRss());
        } finally {
            executor.shutdownNow();
        }
    }

    private static Totals work(Extraction extraction, List<Input> inputs, AtomicInteger next)
            throws Exception {
        long b = 0;
        long e = 0;
        long read = 0;
        long model = 0;
        long decode = 0;
        int pages = 0;
        int refused = 0;
        try (TesseractOcr ocr = TesseractOcr.create();
                Extraction.Worker worker = extraction.newWorker()) {
            // Engines load and native code initialises on first use: warm both up untimed.
            Input first = inputs.get(0);
            baseline(ocr, first);
            extractOrRefuse(worker, first);
            for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                Input page = inputs.get(i);
                boolean baselineFirst = i % 2 == 0;
                if (baselineFirst) {
                    b += timeBaseline(ocr, page);
                }
                long start = System.nanoTime();
                Extraction.Result result = extractOrRefuse(worker, page);
                e += System.nanoTime() - start;
                if (!baselineFirst) {
                    b += timeBaseline(ocr, page);
                }
                if (result == null) {
                    refused++;
                } else {
                    read += result.timings().readMillis();
                    model += result.timings().modelMillis();
                    decode += result.timings().decodeMillis();
                }
                pages++;
            }
        }
        return new Totals(b, e, read, model, decode, pages, refused);
    }

    private static long timeBaseline(TesseractOcr ocr, Input page) throws IOException {
        long start = System.nanoTime();
        baseline(ocr, page);
        return System.nanoTime() - start;
    }

    private static Extraction.Result extractOrRefuse(Extraction.Worker worker, Input page) {
        try {
            return worker.extract(page.bytes(), page.mediaType());
        } catch (PageReadException refused) {
            // A page the reader refuses (e.g. no text) is counted, not fatal: its time is spent.
            return null;
        }
    }

    /** The system's one-minute load average (the machine is shared), or -1 if unknown. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static <T> T join(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while benchmarking", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void print(PrintWriter out, Result r) {
        int n = Math.max(1, r.pages());
        out.printf(
                Locale.ROOT,
                "%d pages (%d refused), %d thread(s), interleaved in one run%n",
                r.pages(),
                r.refused(),
                r.threads());
        out.printf(
                Locale.ROOT,
                "bare tesseract  %6.2f pages/s  (%.0f ms/page)%n",
                r.baselinePagesPerSecond(),
                r.baselineNanos() / 1e6 / n);
        out.printf(
                Locale.ROOT,
                "extraction      %6.2f pages/s  (%.0f ms/page: read %d, model %.1f, decode %d)%n",
                r.extractionPagesPerSecond(),
                r.extractionNanos() / 1e6 / n,
                r.readMillis() / n,
                r.modelMillisPerPage(),
                r.decodeMillis() / n);
        out.printf(
                Locale.ROOT,
                "ratio extraction/tesseract %.3f; extraction/page reading alone %.3f%n",
                r.ratio(),
                r.readShare());
        out.printf(
                Locale.ROOT,
                "heap peak %d MB; RSS %d MB (peak %d MB); load average %.2f%n",
                r.heapPeakBytes() >> 20,
                r.rssBytes() >> 20,
                r.peakRssBytes() >> 20,
                r.loadAverage());
    }

    private String toJson(Result r) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        int n = Math.max(1, r.pages());
        root.put("data", data.toString());
        root.put("threads", r.threads());
        root.put("pages", r.pages());
        root.put("refused_pages", r.refused());
        root.put("tesseract_pages_per_second", r.baselinePagesPerSecond());
        root.put("extraction_pages_per_second", r.extractionPagesPerSecond());
        root.put("ratio", r.ratio());
        root.put("ratio_to_page_reading", r.readShare());
        root.put("model_ms_per_page", r.modelMillisPerPage());
        ObjectNode ms = root.putObject("extraction_ms_per_page");
        ms.put("total", r.extractionNanos() / 1e6 / n);
        ms.put("read", (double) r.readMillis() / n);
        ms.put("model", r.modelMillisPerPage());
        ms.put("decode", (double) r.decodeMillis() / n);
        root.put("tesseract_ms_per_page", r.baselineNanos() / 1e6 / n);
        root.put("load_average", r.loadAverage());
        root.put("heap_peak_bytes", r.heapPeakBytes());
        root.put("rss_bytes", r.rssBytes());
        root.put("peak_rss_bytes", r.peakRssBytes());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
