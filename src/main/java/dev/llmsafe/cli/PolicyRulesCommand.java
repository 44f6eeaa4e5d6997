package dev.llmsafe.cli;

import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleRegistry;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code llmsafe policy rules}: every rule with its default level and what it requires. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Lists every policy rule with its default level.",
            "",
            "One line per rule: its id, its default level, what it reads and what it requires."
        })
public final class PolicyRulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (Rule r : RuleRegistry.all()) {
            out.printf(
                    Locale.ROOT,
                    "%-26s %-9s %-6s %s%n",
                    r.id(),
                    r.defaultLevel().value(),
                    r.category().name().toLowerCase(Locale.ROOT),
                    r.description());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
