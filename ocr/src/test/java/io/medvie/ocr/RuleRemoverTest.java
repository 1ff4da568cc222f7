package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RuleRemoverTest {
    private final RuleRemover remover = new RuleRemover(0.5, 0.04);

    /** 300 dpi: a table with a 2 px horizontal rule, a 2 px vertical rule, text and a banner. */
    private static BufferedImage table() {
        BufferedImage image = new BufferedImage(1200, 600, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 600);
        g.setColor(Color.BLACK);
        g.fillRect(50, 100, 1000, 2); // horizontal rule, 3.3 in
        g.fillRect(600, 120, 2, 400); // vertical rule, 1.3 in
        g.fillRect(50, 530, 1000, 60); // a filled banner, 0.2 in thick
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 50));
        g.drawString("Hemoglobin 13.2", 80, 250);
        g.dispose();
        return image;
    }

    private static int dark(BufferedImage image, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRaster().getSample(x, y, 0)) < 128) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void erasesThinRulesAndKeepsTextAndFilledAreas() {
        BufferedImage page = table();
        int textBefore = dark(page, 60, 180, 590, 270);
        BufferedImage clean = remover.remove(page, 300);

        assertThat(dark(page, 50, 100, 1050, 102)).isEqualTo(2000);
        assertThat(dark(clean, 50, 98, 1050, 104)).isZero();
        assertThat(dark(clean, 598, 120, 604, 520)).isZero();
        assertThat(dark(clean, 50, 530, 1050, 590)).isEqualTo(dark(page, 50, 530, 1050, 590));
        assertThat(dark(clean, 60, 180, 590, 270)).isEqualTo(textBefore).isGreaterThan(1000);
        // The input is left as it was.
        assertThat(dark(page, 50, 100, 1050, 102)).isEqualTo(2000);
    }

    @Test
    void refusesNonsenseSizes() {
        assertThatThrownBy(() -> new RuleRemover(0, 0.04))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
