package dev.llmsafe.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code llmsafe bench}: benchmarks of the project's own tools (not timed tests; nothing is asserted). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints its timings and whether its goal is met.")
public final class BenchCommand implements Runnable, CommandGroup {
    /** Its subcommands, in the order its help lists them (built as {@link CommandTree} says). */
    static final List<Class<?>> COMMANDS = List.of(
            BenchAuditCommand.class, BenchPlanCommand.class, BenchPolicyCommand.class, BenchStartupCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public List<Class<?>> commands() {
        return COMMANDS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required; see --help");
    }
}
