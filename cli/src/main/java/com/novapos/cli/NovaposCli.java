package com.novapos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code novapos}: support's command line for the hub. */
@Command(name = "novapos", mixinStandardHelpOptions = true, version = "novapos 0.1.0",
        description = "Support tools for the NovaPOS hub.", subcommands = DeadLetterCommands.class)
public final class NovaposCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new NovaposCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
