package dev.llmsafe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code llmsafe bench}: benchmarks of the project's own tools (not timed tests; nothing is asserted). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints its timings and whether its goal is met.",
        subcommands = {
            BenchAuditCommand.class,
            BenchPlanCommand.class,
            BenchPolicyCommand.class,
            BenchStartupCommand.class
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required; see --help");
    }
}
