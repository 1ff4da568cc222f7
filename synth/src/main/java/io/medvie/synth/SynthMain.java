package io.medvie.synth;

import picocli.CommandLine;

/** Runs {@link SynthCommand} on its own; the medvie launcher wires the same command. */
public final class SynthMain {

    private SynthMain() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new SynthCommand()).execute(args));
    }
}
