package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void iouOfIdenticalDisjointAndHalfOverlappingBoxes() {
        OcrWord a = new OcrWord("a", 0, 0, 10, 10, 1);
        assertThat(a.iou(a)).isEqualTo(1.0);
        assertThat(a.iou(new OcrWord("b", 20, 20, 10, 10, 1))).isZero();
        // Overlap 5x10 = 50, union 150.
        assertThat(a.iou(new OcrWord("c", 5, 0, 10, 10, 1))).isCloseTo(1 / 3.0, offset(1e-9));
    }

    @Test
    void mapBackUndoesUpscaling() {
        OcrWord scaled = new OcrWord("13.2", 200, 100, 60, 20, 0.9f);
        List<OcrWord> back =
                ScannedPageReader.mapBack(List.of(scaled), 2.0, 0, 2000, 1000, 1000, 500);
        assertThat(back).containsExactly(new OcrWord("13.2", 100, 50, 30, 10, 0.9f));
    }

    @Test
    void mapBackPutsStraightenedBoxOnTheSkewedInk() {
        // A box on the straightened page; on the original, text is turned 3 degrees clockwise.
        Rectangle straight = new Rectangle(600, 400, 200, 40);
        double skew = 3.0;
        List<OcrWord> back =
                ScannedPageReader.mapBack(
                        List.of(new OcrWord("x", 600, 400, 200, 40, 1)),
                        1.0,
                        skew,
                        2000,
                        1600,
                        2000,
                        1600);
        Rectangle expected =
                AffineTransform.getRotateInstance(Math.toRadians(skew), 1000, 800)
                        .createTransformedShape(straight)
                        .getBounds();
        OcrWord w = back.get(0);
        assertThat(w.x()).isCloseTo(expected.x, offset(1));
        assertThat(w.y()).isCloseTo(expected.y, offset(1));
        assertThat(w.width()).isCloseTo(expected.width, offset(2));
        assertThat(w.height()).isCloseTo(expected.height, offset(2));
    }

    @Test
    void mapBackClampsToThePage() {
        List<OcrWord> back =
                ScannedPageReader.mapBack(
                        List.of(new OcrWord("edge", 0, 0, 50, 20, 1)),
                        1.0,
                        5.0,
                        100,
                        100,
                        100,
                        100);
        OcrWord w = back.get(0);
        assertThat(w.x()).isGreaterThanOrEqualTo(0);
        assertThat(w.y()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void deskewedWordsLineUpAWordRowThatTheSkewTilted() {
        // Two words on one straight line, then turned 2 degrees clockwise about the page centre.
        AffineTransform skew = AffineTransform.getRotateInstance(Math.toRadians(2), 1000, 1000);
        Rectangle left = skew.createTransformedShape(new Rectangle(100, 500, 100, 30)).getBounds();
        Rectangle right =
                skew.createTransformedShape(new Rectangle(1700, 500, 100, 30)).getBounds();
        Page page =
                new Page(
                        0,
                        2000,
                        2000,
                        300,
                        List.of(
                                new OcrWord("a", left.x, left.y, left.width, left.height, 1),
                                new OcrWord("b", right.x, right.y, right.width, right.height, 1)),
                        Page.Source.OCR,
                        0,
                        2.0,
                        new Page.Timings(0, 0, 0, 0));
        assertThat(Math.abs(left.y - right.y)).isGreaterThan(40);
        List<OcrWord> straight = page.deskewedWords();
        double leftCentre = straight.get(0).y() + straight.get(0).height() / 2.0;
        double rightCentre = straight.get(1).y() + straight.get(1).height() / 2.0;
        assertThat(leftCentre).isCloseTo(rightCentre, offset(2.0));
        assertThat(leftCentre).isCloseTo(515, offset(3.0));
    }

    @Test
    void rotateQuadrantsSwapsSidesAndRoundTrips() {
        java.awt.image.BufferedImage page = TestPages.labPage(60);
        java.awt.image.BufferedImage turned = Images.rotateQuadrants(page, 90);
        assertThat(turned.getWidth()).isEqualTo(page.getHeight());
        assertThat(turned.getHeight()).isEqualTo(page.getWidth());
        java.awt.image.BufferedImage back = Images.rotateQuadrants(turned, 270);
        byte[] original = Images.greyBytes(page);
        byte[] roundTrip = Images.greyBytes(back);
        assertThat(roundTrip).isEqualTo(original);
    }
}
