package dev.llmsafe.cli;

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
        },
        subcommands = {PolicyCheckCommand.class, PolicyRulesCommand.class})
public final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or rules");
    }
}
