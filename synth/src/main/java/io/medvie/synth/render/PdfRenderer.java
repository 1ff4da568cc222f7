package io.medvie.synth.render;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes born-digital PDFs of page layouts and PDFs of scanned page images, with PDFBox. */
public final class PdfRenderer {

    private PdfRenderer() {}

    /** A born-digital PDF: real text in the shipped fonts, at the layout's own positions. */
    public static byte[] vector(List<PageLayout> pages, long seed) {
        try (PDDocument doc = new PDDocument()) {
            Map<FontFace, PDType0Font> fonts = new EnumMap<>(FontFace.class);
            for (PageLayout layout : pages) {
                PDPage page =
                        new PDPage(
                                new PDRectangle((float) layout.width(), (float) layout.height()));
                doc.addPage(page);
                float h = (float) layout.height();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (DrawOp op : layout.ops()) {
                        draw(doc, cs, fonts, op, h);
                    }
                }
            }
            return save(doc, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(
            PDDocument doc,
            PDPageContentStream cs,
            Map<FontFace, PDType0Font> fonts,
            DrawOp op,
            float h)
            throws IOException {
        if (op instanceof DrawOp.Text t) {
            PDType0Font font = fonts.get(t.style().face());
            if (font == null) {
                font =
                        PDType0Font.load(
                                doc,
                                new ByteArrayInputStream(Fonts.get().ttfForPdf(t.style().face())),
                                true);
                fonts.put(t.style().face(), font);
            }
            cs.beginText();
            cs.setFont(font, (float) t.style().size());
            cs.setNonStrokingColor(new Color(t.style().color()));
            cs.newLineAtOffset((float) t.x(), h - (float) t.baseline());
            cs.showText(t.text());
            cs.endText();
        } else if (op instanceof DrawOp.Line l) {
            cs.setStrokingColor(new Color(l.color()));
            cs.setLineWidth((float) l.width());
            cs.moveTo((float) l.x1(), h - (float) l.y1());
            cs.lineTo((float) l.x2(), h - (float) l.y2());
            cs.stroke();
        } else if (op instanceof DrawOp.Fill f) {
            cs.setNonStrokingColor(new Color(f.color()));
            cs.addRect((float) f.x(), h - (float) (f.y() + f.h()), (float) f.w(), (float) f.h());
            cs.fill();
        } else if (op instanceof DrawOp.Box b) {
            cs.setStrokingColor(new Color(b.color()));
            cs.setLineWidth((float) b.width());
            cs.addRect((float) b.x(), h - (float) (b.y() + b.h()), (float) b.w(), (float) b.h());
            cs.stroke();
        } else if (op instanceof DrawOp.Oval o) {
            cs.setNonStrokingColor(new Color(o.color()));
            ellipse(cs, o.x() + o.w() / 2, h - (o.y() + o.h() / 2), o.w() / 2, o.h() / 2);
            cs.fill();
        }
    }

    private static void ellipse(PDPageContentStream cs, double cx, double cy, double rx, double ry)
            throws IOException {
        double k = 0.5522847498;
        cs.moveTo((float) (cx + rx), (float) cy);
        cs.curveTo(
                (float) (cx + rx),
                (float) (cy + k * ry),
                (float) (cx + k * rx),
                (float) (cy + ry),
                (float) cx,
                (float) (cy + ry));
        cs.curveTo(
                (float) (cx - k * rx),
                (float) (cy + ry),
                (float) (cx - rx),
                (float) (cy + k * ry),
                (float) (cx - rx),
                (float) cy);
        cs.curveTo(
                (float) (cx - rx),
                (float) (cy - k * ry),
                (float) (cx - k * rx),
                (float) (cy - ry),
                (float) cx,
                (float) (cy - ry));
        cs.curveTo(
                (float) (cx + k * rx),
                (float) (cy - ry),
                (float) (cx + rx),
                (float) (cy - k * ry),
                (float) (cx + rx),
                (float) cy);
        cs.closePath();
    }

    /**
     * A scanned PDF: one JPEG page image per page, each page sized so that the image has {@code
     * dpi} pixels per inch.
     */
    public static byte[] scanned(List<byte[]> jpegs, List<int[]> sizes, double dpi, long seed) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < jpegs.size(); i++) {
                float w = (float) (sizes.get(i)[0] * 72.0 / dpi);
                float h = (float) (sizes.get(i)[1] * 72.0 / dpi);
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PDImageXObject img = JPEGFactory.createFromByteArray(doc, jpegs.get(i));
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(img, 0, 0, w, h);
                }
            }
            return save(doc, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument doc, long seed) throws IOException {
        // PDFBox would otherwise derive the trailer /ID from the clock.
        byte[] id = ByteBuffer.allocate(16).putLong(seed).putLong(~seed).array();
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
