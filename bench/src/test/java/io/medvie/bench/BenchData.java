package io.medvie.bench;

import io.medvie.synth.generate.DatasetWriter;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.nio.file.Path;

/** A small generated scan set in the synth layout, as `medvie synth --style scan` makes it. */
final class BenchData {
    private BenchData() {}

    static Path scans(Path dir, int reports, long seed) throws InterruptedException {
        Path out = dir.resolve("scan");
        new DatasetWriter(
                        new SynthOptions(
                                reports, Templates.all(), Style.SCAN, seed, out, 0, false, 1))
                .run(done -> {});
        return out;
    }
}
