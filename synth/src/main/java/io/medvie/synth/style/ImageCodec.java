package io.medvie.synth.style;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * PNG and JPEG encoding with the resolution recorded (PNG pHYs, JFIF density), as scanners and
 * cameras do, and nothing else: ImageIO writes no dates or host data, and its encoders give the
 * same bytes for the same pixels and settings.
 */
public final class ImageCodec {

    private ImageCodec() {}

    /** PNG at a fast deflate level: page images are mostly white and compress well anyway. */
    public static byte[] png(BufferedImage img) {
        return write(img, "png", 0.75f, 0);
    }

    public static byte[] png(BufferedImage img, double dpi) {
        return write(img, "png", 0.75f, dpi);
    }

    public static byte[] jpeg(BufferedImage img, float quality) {
        return write(img, "jpeg", quality, 0);
    }

    public static byte[] jpeg(BufferedImage img, float quality, double dpi) {
        return write(img, "jpeg", quality, dpi);
    }

    private static byte[] write(BufferedImage img, String format, float quality, double dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if ("png".equals(format)) {
                param.setCompressionType(param.getCompressionTypes()[0]);
            }
            param.setCompressionQuality(quality);
            IIOMetadata meta = null;
            if (dpi > 0) {
                meta =
                        writer.getDefaultImageMetadata(
                                ImageTypeSpecifier.createFromRenderedImage(img), param);
                resolution(meta, format, dpi);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, meta), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + format, e);
        } finally {
            writer.dispose();
        }
    }

    private static void resolution(IIOMetadata meta, String format, double dpi)
            throws IIOInvalidTreeException {
        int d = (int) Math.round(dpi);
        if ("png".equals(format)) {
            String name = "javax_imageio_png_1.0";
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(name);
            root.appendChild(phys);
            meta.mergeTree(name, root);
        } else {
            String name = "javax_imageio_jpeg_image_1.0";
            Node root = meta.getAsTree(name);
            Node jfif = find(root, "app0JFIF");
            if (jfif instanceof IIOMetadataNode node) {
                node.setAttribute("resUnits", "1");
                node.setAttribute("Xdensity", Integer.toString(d));
                node.setAttribute("Ydensity", Integer.toString(d));
                meta.setFromTree(name, root);
            }
        }
    }

    private static Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
