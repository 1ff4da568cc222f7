package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SkewEstimatorTest {
    private final SkewEstimator estimator = new SkewEstimator(5);

    @Test
    void straightPageHasNoSkew() {
        assertThat(estimator.estimate(TestPages.labPage(200))).isCloseTo(0, offset(0.15));
    }

    @Test
    void findsClockwiseSkew() {
        BufferedImage skewed = Images.rotateSmall(TestPages.labPage(200), 2.5);
        assertThat(estimator.estimate(skewed)).isCloseTo(2.5, offset(0.15));
    }

    @Test
    void findsCounterClockwiseSkew() {
        BufferedImage skewed = Images.rotateSmall(TestPages.labPage(300), -1.2);
        assertThat(estimator.estimate(skewed)).isCloseTo(-1.2, offset(0.15));
    }

    @Test
    void blankPageHasNoSkew() {
        BufferedImage blank = new BufferedImage(800, 600, BufferedImage.TYPE_BYTE_GRAY);
        blank.getGraphics().fillRect(0, 0, 800, 600);
        assertThat(estimator.estimate(blank)).isZero();
    }

    @Test
    void refusesAbsurdSearchRange() {
        assertThatThrownBy(() -> new SkewEstimator(90))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDegrees");
    }

    @Test
    void otsuSeparatesInkFromPaper() {
        byte[] grey = new byte[1000];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) (i % 10 == 0 ? 30 : 230);
        }
        assertThat(SkewEstimator.darkThreshold(grey)).isBetween(31, 230);
    }
}
