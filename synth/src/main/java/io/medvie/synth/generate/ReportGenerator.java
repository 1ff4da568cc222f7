package io.medvie.synth.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.synth.content.ContentGenerator;
import io.medvie.synth.content.ReportContent;
import io.medvie.synth.content.Rng;
import io.medvie.synth.layout.DatasetJson;
import io.medvie.synth.layout.Manifest;
import io.medvie.synth.layout.PageWords;
import io.medvie.synth.layout.ReportMeta;
import io.medvie.synth.layout.Word;
import io.medvie.synth.render.Canvas;
import io.medvie.synth.render.GroundTruth;
import io.medvie.synth.render.ImageRenderer;
import io.medvie.synth.render.PageLayout;
import io.medvie.synth.render.PdfRenderer;
import io.medvie.synth.style.Degraded;
import io.medvie.synth.style.ImageCodec;
import io.medvie.synth.style.PhotoEffect;
import io.medvie.synth.style.ScanEffect;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes report number {@code index} of a run. Everything it draws comes from a generator seeded
 * with the run seed and the index only, so any report can be made alone, on any thread.
 */
public final class ReportGenerator {

    public static final String DOCUMENT = "document.json";
    public static final String PDF = "report.pdf";
    static final int CLEAN_DPI = 200;

    private final SynthOptions options;

    public ReportGenerator(SynthOptions options) {
        this.options = options;
    }

    public static String reportId(int index) {
        return String.format(Locale.ROOT, "r%06d", index);
    }

    /**
     * A report drawn but not rendered: its pages, the document and the generator to render with.
     *
     * @param styleRng the randomness left for rendering styles; consumed by {@link #generate}
     */
    public record LaidOut(
            String id,
            long seed,
            Template template,
            ReportContent content,
            List<PageLayout> pages,
            ObjectNode document,
            Rng styleRng) {}

    /** Draws report {@code index} without rendering it; cheap, for tests over many seeds. */
    public LaidOut layout(int index) {
        long seed = Rng.derive(options.seed(), index);
        Rng rng = new Rng(seed);
        List<Template> templates = options.templates();
        Template template = templates.get(rng.nextInt(templates.size()));
        ReportContent content = ContentGenerator.generate(rng.fork(1), template.contentOptions());
        GroundTruth truth = new GroundTruth(content.patient().sex());
        double[] size = template.pageSize();
        Canvas canvas = new Canvas(truth, size[0], size[1]);
        template.draw(content, canvas, rng.fork(2));
        return new LaidOut(
                reportId(index),
                seed,
                template,
                content,
                canvas.pages(),
                truth.toDocument(),
                rng.fork(3));
    }

    public GeneratedReport generate(int index) {
        LaidOut laid = layout(index);
        long seed = laid.seed();
        Template template = laid.template();
        ObjectNode document = laid.document();
        List<PageLayout> pages = laid.pages();
        String id = reportId(index);
        Style style = options.style();
        List<GeneratedReport.NamedFile> files = new ArrayList<>();
        files.add(new GeneratedReport.NamedFile(DOCUMENT, DatasetJson.pretty(document)));
        List<ReportMeta.PageFiles> pageFiles = new ArrayList<>();
        String pdf = null;
        double metaDpi;
        String coordinates = ReportMeta.IMAGE_PIXELS;
        Rng styleRng = laid.styleRng();

        if (style == Style.PDF) {
            metaDpi = 72;
            coordinates = ReportMeta.PDF_POINTS;
            pdf = PDF;
            for (int p = 0; p < pages.size(); p++) {
                PageLayout layout = pages.get(p);
                String words = wordsName(p);
                PageWords pw =
                        new PageWords(
                                p + 1,
                                (int) Math.round(layout.width()),
                                (int) Math.round(layout.height()),
                                72,
                                null,
                                ImageRenderer.pointWords(layout));
                files.add(new GeneratedReport.NamedFile(words, DatasetJson.compact(pw)));
                pageFiles.add(new ReportMeta.PageFiles(p + 1, null, words));
            }
            files.add(new GeneratedReport.NamedFile(PDF, PdfRenderer.vector(pages, seed)));
        } else {
            int dpi =
                    options.dpi() != 0
                            ? options.dpi()
                            : switch (style) {
                                case SCAN -> styleRng.between(150, 300);
                                case PHOTO -> (int) Math.round(PhotoEffect.renderDpi(styleRng));
                                default -> CLEAN_DPI;
                            };
            metaDpi = dpi;
            List<byte[]> jpegs = new ArrayList<>();
            List<int[]> sizes = new ArrayList<>();
            for (int p = 0; p < pages.size(); p++) {
                Rng pageRng = styleRng.fork(p);
                ImageRenderer.Rendered r =
                        ImageRenderer.render(pages.get(p), dpi, style == Style.PHOTO, 0xffffff);
                byte[] bytes;
                String image;
                List<Word> words;
                double pageDpi;
                int w;
                int h;
                if (style == Style.CLEAN) {
                    bytes = ImageCodec.png(r.image(), dpi);
                    image = String.format(Locale.ROOT, "page-%d.png", p + 1);
                    words = r.words();
                    pageDpi = dpi;
                    w = r.image().getWidth();
                    h = r.image().getHeight();
                } else {
                    Degraded d =
                            style == Style.SCAN
                                    ? ScanEffect.apply(r.image(), dpi, pageRng)
                                    : PhotoEffect.apply(r.image(), dpi, pageRng);
                    float quality =
                            (float)
                                    (style == Style.SCAN
                                            ? pageRng.uniform(0.55, 0.85)
                                            : pageRng.uniform(0.55, 0.8));
                    bytes = ImageCodec.jpeg(d.image(), quality, d.dpi());
                    image = String.format(Locale.ROOT, "page-%d.jpg", p + 1);
                    words = d.mapWords(r.words());
                    pageDpi = d.dpi();
                    w = d.image().getWidth();
                    h = d.image().getHeight();
                    jpegs.add(bytes);
                    sizes.add(new int[] {w, h});
                }
                if (p == 0) {
                    metaDpi = pageDpi;
                }
                String wordsFile = wordsName(p);
                files.add(new GeneratedReport.NamedFile(image, bytes));
                files.add(
                        new GeneratedReport.NamedFile(
                                wordsFile,
                                DatasetJson.compact(
                                        new PageWords(p + 1, w, h, pageDpi, image, words))));
                pageFiles.add(new ReportMeta.PageFiles(p + 1, image, wordsFile));
            }
            if (options.scannedPdf() && style != Style.CLEAN) {
                pdf = PDF;
                files.add(
                        new GeneratedReport.NamedFile(
                                PDF, PdfRenderer.scanned(jpegs, sizes, metaDpi, seed)));
            }
        }
        ReportMeta meta =
                new ReportMeta(
                        id,
                        template.name(),
                        style.id(),
                        seed,
                        metaDpi,
                        coordinates,
                        pages.size(),
                        DOCUMENT,
                        pdf,
                        pageFiles);
        files.add(new GeneratedReport.NamedFile("meta.json", DatasetJson.pretty(meta)));
        return new GeneratedReport(
                new Manifest.Entry(id, id, template.name(), style.id(), pages.size()), files);
    }

    private static String wordsName(int p) {
        return String.format(Locale.ROOT, "page-%d.words.json", p + 1);
    }
}
