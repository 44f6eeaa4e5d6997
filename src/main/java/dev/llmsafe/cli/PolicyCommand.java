package dev.llmsafe.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code llmsafe policy}: the policy engine's commands. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = {
            "Policy checks on plans, changes and workflows.",
            "",
            "The rules are described in " + "docs/policies.md."
        })
public final class PolicyCommand implements Runnable, CommandGroup {
    /** Its subcommands, in the order its help lists them (built as {@link CommandTree} says). */
    static final List<Class<?>> COMMANDS = List.of(PolicyCheckCommand.class, PolicyRulesCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public List<Class<?>> commands() {
        return COMMANDS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or rules");
    }
}
