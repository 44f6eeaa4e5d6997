package dev.llmsafe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code llmsafe bench}: measurements of the tool itself (not tests; nothing is asserted). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of llm-safe's own machinery.",
        subcommands = {BenchAuditCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required; see --help");
    }
}
