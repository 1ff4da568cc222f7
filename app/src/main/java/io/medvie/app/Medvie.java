package io.medvie.app;

import io.medvie.app.cli.AuditCommand;
import io.medvie.app.cli.BenchCommand;
import io.medvie.app.cli.DemoCommand;
import io.medvie.app.cli.DlqCommand;
import io.medvie.app.cli.ExtractorCommand;
import io.medvie.app.cli.PlatformCommand;
import io.medvie.app.cli.SubmitCommand;
import io.medvie.app.cli.TokenCommand;
import io.medvie.app.cli.TrainCommand;
import io.medvie.app.cli.TrainerCommand;
import io.medvie.extractor.pipeline.EvalCommand;
import io.medvie.extractor.pipeline.ExtractCommand;
import io.medvie.review.ReviewCommand;
import io.medvie.synth.SynthCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of {@code ./medvie}: every command of the project is a subcommand. */
@Command(
        name = "medvie",
        mixinStandardHelpOptions = true,
        version = "medvie 0.1.0",
        description = "Scanned lab reports to validated JSON events on Kafka.",
        footer = {
            "",
            "Also handled by the launcher itself:",
            "  test       Installs what the tests need and runs them (mvn verify).",
            "",
            "Each command has --help."
        },
        subcommands = {
            DemoCommand.class,
            PlatformCommand.class,
            SubmitCommand.class,
            ExtractorCommand.class,
            ExtractCommand.class,
            EvalCommand.class,
            TrainCommand.class,
            TrainerCommand.class,
            DlqCommand.class,
            TokenCommand.class,
            SynthCommand.class,
            BenchCommand.class,
            ReviewCommand.class,
            AuditCommand.class,
            io.medvie.app.cli.QualityCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Medvie implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Medvie())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(
                        (e, cmd, parsed) -> {
                            cmd.getErr()
                                    .println("medvie " + cmd.getCommandName() + ": " + message(e));
                            return 2;
                        });
    }

    private static String message(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !out.toString().contains(c.getMessage())) {
                out.append(": ").append(c.getMessage());
            }
        }
        return out.toString();
    }
}
