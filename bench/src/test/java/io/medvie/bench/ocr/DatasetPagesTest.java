package io.medvie.bench.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medvie.bench.ocr.DatasetPages.PageEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetPagesTest {

    @Test
    void readsImagePagesAndPdfPagesWithTheirUnits(@TempDir Path dir) throws Exception {
        List<PageEntry> pages = DatasetPages.load(Fixture.write(dir));
        assertThat(pages).extracting(PageEntry::style).containsExactly("clean", "pdf");
        assertThat(pages).extracting(PageEntry::template).containsExactly("t", "t");
        PageEntry clean = pages.get(0);
        assertThat(clean.file().getFileName().toString()).isEqualTo("page-1.png");
        assertThat(clean.isPdf()).isFalse();
        assertThat(clean.unitsPerInch()).isEqualTo(200);
        assertThat(clean.words())
                .extracting(DatasetPages.TruthWord::text)
                .containsExactly(Fixture.WORDS);
        PageEntry pdf = pages.get(1);
        assertThat(pdf.isPdf()).isTrue();
        assertThat(pdf.pdfPage()).isZero();
        assertThat(pdf.unitsPerInch()).isEqualTo(72);
        assertThat(pdf.words().get(0).x()).isEqualTo(72.0);
    }

    @Test
    void namesTheFileWhenTheManifestIsWrong(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"format\":\"x\"}");
        assertThatThrownBy(() -> DatasetPages.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.json")
                .hasMessageContaining("reports");
    }
}
