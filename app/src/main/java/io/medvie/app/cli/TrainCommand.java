package io.medvie.app.cli;

import io.medvie.trainer.rl.TrainRlCommand;
import io.medvie.trainer.sft.TrainSftCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medvie train ...}: offline training of the extraction model. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Trains the extraction model offline: sft (supervised) or rl (GRPO on verified reports).",
        subcommands = {TrainSftCommand.class, TrainRlCommand.class})
public final class TrainCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
