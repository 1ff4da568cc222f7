package io.medvie.bench.fuzz;

import io.medvie.synth.generate.GeneratedReport;
import io.medvie.synth.generate.ReportGenerator;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Valid reports from the synth module, in memory: what hostile inputs are cut and mutated from, the
 * valid reports mixed among them, and a fresh one to show the pipeline still works after.
 */
public final class SynthSeeds {
    private final long seed;

    public SynthSeeds(long seed) {
        this.seed = seed;
    }

    /** Seeds: report 0 as PDF, clean PNG, scanned JPEG and a TIFF of the PNG; valid: 3 more. */
    public HostileInputs.Seeds seeds() {
        byte[] pdf = file(Style.PDF, 0, ReportGenerator.PDF);
        byte[] png = file(Style.CLEAN, 0, "page-1.png");
        byte[] jpeg = file(Style.SCAN, 0, "page-1.jpg");
        List<byte[]> valid = new ArrayList<>();
        valid.add(file(Style.PDF, 1, ReportGenerator.PDF));
        valid.add(file(Style.PDF, 2, ReportGenerator.PDF));
        valid.add(png);
        return new HostileInputs.Seeds(pdf, png, jpeg, tiff(png), valid);
    }

    /** A report none of the cases holds: clean page of report 100, read by OCR. */
    public byte[] fresh() {
        return file(Style.CLEAN, 100, "page-1.png");
    }

    /** The document (ground truth JSON) of report {@code index} in {@code style}. */
    public byte[] document(Style style, int index) {
        return file(style, index, ReportGenerator.DOCUMENT);
    }

    private byte[] file(Style style, int index, String name) {
        SynthOptions options =
                new SynthOptions(
                        index + 1, Templates.all(), style, seed, Path.of("unused"), 0, false, 1);
        GeneratedReport report = new ReportGenerator(options).generate(index);
        return report.file(name);
    }

    /** A grey, deflate-compressed TIFF of an image: small enough to pass upload limits. */
    static byte[] tiff(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage grey =
                    new BufferedImage(
                            image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(image, 0, 0, null);
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
                writer.write(null, new IIOImage(grey, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
