package dev.llmsafe.cli;

import java.util.List;

/**
 * A command whose subcommands are listed in code rather than in its {@code @Command}, so that a run can build only
 * the one it names ({@link CommandTree}).
 */
interface CommandGroup {
    /** The subcommands, in the order its help lists them: the one list of them. */
    List<Class<?>> commands();
}
