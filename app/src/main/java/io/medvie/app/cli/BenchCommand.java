package io.medvie.app.cli;

import io.medvie.bench.ChaosBench;
import io.medvie.bench.ExtractBench;
import io.medvie.bench.OcrAccuracyBench;
import io.medvie.bench.PipelineBench;
import io.medvie.bench.RlBench;
import io.medvie.bench.fuzz.FuzzBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medvie bench ...}: the benchmarks whose figures docs/benchmarks.md records. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Benchmarks; each reports ratios against a baseline measured in the same run.",
        subcommands = {
            OcrAccuracyBench.class,
            ExtractBench.class,
            PipelineBench.class,
            FuzzBench.class,
            RlBench.class,
            ChaosBench.class,
        })
public final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
