package io.medvie.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Pixel operations on page images: grey conversion, scaling, rotation. */
public final class Images {
    private Images() {}

    /**
     * The image as 8-bit grey, one byte per pixel, rows packed without padding. Luminance is
     * computed row by row (ITU-R 601 weights) so that no full-page int array is allocated.
     */
    public static byte[] greyBytes(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1
                && buffer.getData().length == width * height
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            return buffer.getData();
        }
        byte[] grey = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int lum = (299 * r + 587 * g + 114 * b) / 1000;
                // Transparent pixels are paper, not ink.
                lum = (lum * alpha + 255 * (255 - alpha)) / 255;
                grey[offset + x] = (byte) lum;
            }
        }
        return grey;
    }

    /** A grey copy of the image. */
    public static BufferedImage toGrey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey =
                new BufferedImage(
                        image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] source = greyBytes(image);
        System.arraycopy(source, 0, target, 0, source.length);
        return grey;
    }

    /** The image scaled by {@code factor} (bicubic), as grey. */
    public static BufferedImage scale(BufferedImage image, double factor) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION,
                    factor < 1
                            ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                            : RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(toGrey(image), 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The image turned clockwise by a multiple of 90 degrees. */
    public static BufferedImage rotateQuadrants(BufferedImage image, int degreesClockwise) {
        int quadrants = Math.floorMod(degreesClockwise, 360) / 90;
        if (quadrants == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = quadrants % 2 == 1;
        BufferedImage out =
                new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        AffineTransform t = new AffineTransform();
        switch (quadrants) {
            case 1 -> {
                t.translate(h, 0);
                t.quadrantRotate(1);
            }
            case 2 -> {
                t.translate(w, h);
                t.quadrantRotate(2);
            }
            default -> {
                t.translate(0, w);
                t.quadrantRotate(3);
            }
        }
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(toGrey(image), t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The image rotated by {@code degrees} (positive is clockwise on screen) about its centre, on a
     * canvas of the same size, with white filling the corners.
     */
    public static BufferedImage rotateSmall(BufferedImage image, double degrees) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(degrees), w / 2.0, h / 2.0);
            g.drawImage(toGrey(image), 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
