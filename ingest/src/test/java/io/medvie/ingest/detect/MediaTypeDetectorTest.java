package io.medvie.ingest.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MediaTypeDetectorTest {
    static String detect(byte[] bytes) throws RejectedInputException {
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, MediaTypeDetector.HEAD_BYTES));
        byte[] tail =
                Arrays.copyOfRange(
                        bytes,
                        Math.max(0, bytes.length - MediaTypeDetector.TAIL_BYTES),
                        bytes.length);
        return MediaTypeDetector.detect(head, tail, bytes.length);
    }

    static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    @Test
    void detectsRealImagesByTheirBytes() throws Exception {
        assertThat(detect(image("png"))).isEqualTo(MediaTypeDetector.PNG);
        assertThat(detect(image("jpeg"))).isEqualTo(MediaTypeDetector.JPEG);
        assertThat(detect(image("tiff"))).isEqualTo(MediaTypeDetector.TIFF);
    }

    @Test
    void detectsPdfWithTrailingNewline() throws Exception {
        byte[] pdf =
                "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
                        .getBytes(StandardCharsets.US_ASCII);
        assertThat(detect(pdf)).isEqualTo(MediaTypeDetector.PDF);
    }

    @Test
    void refusesTruncatedFilesOfEveryType() throws Exception {
        for (String format : new String[] {"png", "jpeg"}) {
            byte[] whole = image(format);
            byte[] cut = Arrays.copyOf(whole, whole.length / 2);
            assertThatThrownBy(() -> detect(cut))
                    .isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("truncated")
                    .extracting(e -> ((RejectedInputException) e).status())
                    .isEqualTo(422);
        }
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> detect(pdf)).hasMessageContaining("%%EOF");
        byte[] tiff = Arrays.copyOf(image("tiff"), 12);
        tiff[4] = (byte) 0xff; // first directory offset beyond the end
        assertThatThrownBy(() -> detect(tiff)).hasMessageContaining("TIFF");
    }

    @Test
    void refusesTextNamedLikeAPdfAndEmptyInput() {
        byte[] text = "Hemoglobin 13.2 g/dL".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> detect(text))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(415);
                            assertThat(e.code()).isEqualTo("unsupported_type");
                        });
        assertThatThrownBy(() -> detect(new byte[0]))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
