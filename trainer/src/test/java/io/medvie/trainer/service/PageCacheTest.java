package io.medvie.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.ocr.OcrWord;
import io.medvie.ocr.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageCacheTest {
    @TempDir Path dir;

    private static final String SHA = "ab" + "0".repeat(62);

    @Test
    void givesBackThePagesAsRead() throws Exception {
        PageCache cache = new PageCache(dir);
        assertThat(cache.get(SHA)).isNull();
        List<Page> pages =
                List.of(
                        new Page(
                                0,
                                2480,
                                3508,
                                300,
                                List.of(
                                        new OcrWord("Hemoglobin", 100, 200, 300, 40, 91.5f),
                                        new OcrWord("13.5", 500, 200, 90, 40, 88f)),
                                Page.Source.OCR,
                                90,
                                0.7,
                                new Page.Timings(1, 2, 3, 4)),
                        new Page(
                                1,
                                612,
                                792,
                                72,
                                List.of(new OcrWord("g/dL", 10, 20, 30, 10, 100f)),
                                Page.Source.PDF_TEXT,
                                0,
                                0,
                                new Page.Timings(0, 0, 0, 0)));
        cache.put(SHA, pages);
        assertThat(cache.file(SHA)).isEqualTo(dir.resolve("ab").resolve(SHA + ".json"));
        List<Page> back = cache.get(SHA);
        assertThat(back).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Page a = pages.get(i);
            Page b = back.get(i);
            assertThat(b.words()).isEqualTo(a.words());
            assertThat(List.of(b.index(), b.width(), b.height(), b.dpi(), b.rotation()))
                    .isEqualTo(List.of(a.index(), a.width(), a.height(), a.dpi(), a.rotation()));
            assertThat(b.source()).isEqualTo(a.source());
            assertThat(b.skewDegrees()).isEqualTo(a.skewDegrees());
        }
    }

    @Test
    void aCacheOfAnotherReaderVersionIsIgnored() throws Exception {
        PageCache cache = new PageCache(dir);
        Files.createDirectories(cache.file(SHA).getParent());
        Files.writeString(cache.file(SHA), "{\"reader\":\"medvie-ocr/0\",\"pages\":[]}");
        assertThat(cache.get(SHA)).isNull();
        Files.writeString(cache.file(SHA), "{\"reader\":");
        assertThat(cache.get(SHA)).isNull();
    }
}
