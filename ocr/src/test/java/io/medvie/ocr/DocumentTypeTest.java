package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    @Test
    void sniffsSignatures() {
        assertThat(DocumentType.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .contains(DocumentType.PDF);
        assertThat(DocumentType.sniff(TestPages.encode(TestPages.labPage(30), "png")))
                .contains(DocumentType.PNG);
        assertThat(DocumentType.sniff(TestPages.encode(TestPages.labPage(30), "jpeg")))
                .contains(DocumentType.JPEG);
        assertThat(DocumentType.sniff(TestPages.encode(TestPages.labPage(30), "tiff")))
                .contains(DocumentType.TIFF);
        assertThat(DocumentType.sniff("hello".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentType.sniff(new byte[] {(byte) 0xff})).isEmpty();
    }

    @Test
    void parsesMediaTypesLeniently() {
        assertThat(DocumentType.fromMediaType("Image/PNG; foo=bar")).contains(DocumentType.PNG);
        assertThat(DocumentType.fromMediaType("image/jpg")).contains(DocumentType.JPEG);
        assertThat(DocumentType.fromMediaType("text/plain")).isEmpty();
        assertThat(DocumentType.fromMediaType(null)).isEmpty();
    }

    @Test
    void estimatesDpiFromAPageSizedImage() {
        // A4 at 300 dpi is 2480 x 3508; at 150 dpi 1240 x 1754.
        assertThat(PageReader.estimatedDpi(2480, 3508)).isEqualTo(300);
        assertThat(PageReader.estimatedDpi(1754, 1240)).isEqualTo(150);
        assertThat(PageReader.estimatedDpi(20, 20)).isEqualTo(50);
    }

    @Test
    void limitsNameTheBadSetting() {
        assertThatThrownBy(() -> new ReadLimits(0, 1, 1_000_000, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> new ReadOptions(300, 400, true, 1, true, 5, 10, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upscaleBelowDpi");
    }
}
