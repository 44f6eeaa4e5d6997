package dev.llmsafe.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code llmsafe gate}: checks GitHub cannot make itself before a deployment proceeds. */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks that GitHub cannot enforce itself, run before a deployment.",
            "",
            "Exit codes: 0 passed, 1 failed, 2 bad input or an error that prevented a verdict (never a pass)."
        })
public final class GateCommand implements Runnable, CommandGroup {
    /** Its subcommands, in the order its help lists them (built as {@link CommandTree} says). */
    static final List<Class<?>> COMMANDS = List.of(GateApprovalsCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public List<Class<?>> commands() {
        return COMMANDS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a gate is required, e.g. `gate approvals`; " + "see --help");
    }
}
