package io.medvie.synth.generate;

import io.medvie.synth.layout.Manifest;
import java.util.List;

/** One report in memory, ready to be written: its manifest entry and its files in writing order. */
public record GeneratedReport(Manifest.Entry entry, List<NamedFile> files) {

    /** A file of the report folder. */
    public record NamedFile(String name, byte[] bytes) {}

    public byte[] file(String name) {
        for (NamedFile f : files) {
            if (f.name().equals(name)) {
                return f.bytes();
            }
        }
        throw new IllegalArgumentException("no file " + name + " in report " + entry.id());
    }
}
