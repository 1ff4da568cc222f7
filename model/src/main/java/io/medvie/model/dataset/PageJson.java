package io.medvie.model.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.ocr.OcrWord;
import io.medvie.ocr.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A page as the OCR caches keep it: size, dpi, source, rotation, skew and every word with its box
 * and confidence; exactly what the page reader returned, so a cached page reads back equal. Used by
 * {@link ReportPages} (a file per dataset page) and by the trainer's cache (a file per blob).
 */
public final class PageJson {
    public static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * One page; {@code reader} is the page reader's version ({@link ReportPages#READER}) where the
     * page is a file of its own, null (and left out) where the file holds it elsewhere.
     */
    public record Stored(
            String reader,
            int index,
            int width,
            int height,
            int dpi,
            String source,
            int rotation,
            double skew,
            List<Word> words) {

        public static Stored of(String reader, Page p) {
            List<Word> words = new ArrayList<>(p.words().size());
            for (OcrWord w : p.words()) {
                words.add(new Word(w.text(), w.x(), w.y(), w.width(), w.height(), w.confidence()));
            }
            return new Stored(
                    reader,
                    p.index(),
                    p.width(),
                    p.height(),
                    p.dpi(),
                    p.source().name(),
                    p.rotation(),
                    p.skewDegrees(),
                    words);
        }

        /** The page (timings zero: a cached page took no time). */
        public Page page() {
            List<OcrWord> out = new ArrayList<>(words.size());
            for (Word w : words) {
                out.add(new OcrWord(w.t(), w.x(), w.y(), w.w(), w.h(), w.c()));
            }
            return new Page(
                    index,
                    width,
                    height,
                    dpi,
                    out,
                    Page.Source.valueOf(source),
                    rotation,
                    skew,
                    new Page.Timings(0, 0, 0, 0));
        }
    }

    public record Word(String t, int x, int y, int w, int h, float c) {}

    private PageJson() {}

    /** Writes {@code value} as JSON to a temporary file and renames it: never half a file. */
    public static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, MAPPER.writeValueAsBytes(value));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
