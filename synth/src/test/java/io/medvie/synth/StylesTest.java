package io.medvie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.medvie.synth.content.Rng;
import io.medvie.synth.layout.Word;
import io.medvie.synth.style.Degraded;
import io.medvie.synth.style.ScanEffect;
import io.medvie.synth.style.Style;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class StylesTest {

    @Test
    void scanSkewStaysWithinThreeDegrees() {
        double max = 0;
        for (int i = 0; i < 500; i++) {
            ScanEffect.Params p = ScanEffect.draw(new Rng(i), 1600, 2300);
            max = Math.max(max, Math.abs(p.angleDeg()));
        }
        assertThat(max).isLessThanOrEqualTo(3.0).isGreaterThan(2.5);
    }

    @Test
    void scannedWordBoxesFollowTheInk() {
        // A black block on a white page: after the scan effect, the block's dark pixels must sit
        // inside the mapped box, and the box must not be much larger than the dark area.
        BufferedImage page = new BufferedImage(800, 1100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 1100);
        g.setColor(Color.BLACK);
        g.fillRect(100, 900, 200, 40);
        g.dispose();
        Degraded d = ScanEffect.apply(page, 200, new Rng(3));
        Word box = d.mapWords(List.of(new Word("x", 100, 900, 200, 40, "O", null))).get(0);
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < d.image().getHeight(); y++) {
            for (int x = 0; x < d.image().getWidth(); x++) {
                // The raster's grey level: getRGB would convert TYPE_BYTE_GRAY through a gamma
                // curve and turn toner at 35 into 100 or more.
                if (d.image().getRaster().getSample(x, y, 0) < 100) {
                    boolean in =
                            x >= box.x() - 2
                                    && x <= box.right() + 2
                                    && y >= box.y() - 2
                                    && y <= box.bottom() + 2;
                    // Around the box only: punch holes and creases are dark elsewhere on purpose.
                    boolean near =
                            x >= box.x() - 20
                                    && x <= box.right() + 20
                                    && y >= box.y() - 20
                                    && y <= box.bottom() + 20;
                    if (in) {
                        inside++;
                    } else if (near) {
                        outside++;
                    }
                }
            }
        }
        assertThat(inside).isGreaterThan(200 * 40 / 2);
        // The block's ink does not spill out of its box (a dust speck or two may fall nearby).
        assertThat(outside).isLessThan(inside / 10);
        assertThat(box.w() * box.h()).isLessThan(200 * 40 * 4.0);
    }

    @Test
    void styleNamesParseAndFailWithTheValue() {
        assertThat(Style.parse(" Photo ")).isEqualTo(Style.PHOTO);
        assertThat(Style.PDF.id()).isEqualTo("pdf");
        assertThatThrownBy(() -> Style.parse("fax")).hasMessageContaining("'fax'");
    }

    @Test
    void derivedSeedsAreSpreadAndStable() {
        assertThat(Rng.derive(1, 0)).isEqualTo(Rng.derive(1, 0)).isNotEqualTo(Rng.derive(1, 1));
        assertThat(Rng.derive(1, 0)).isNotEqualTo(Rng.derive(2, 0));
        assertThat(new Rng(5).uniform(0, 1)).isCloseTo(new Rng(5).uniform(0, 1), within(0.0));
    }
}
