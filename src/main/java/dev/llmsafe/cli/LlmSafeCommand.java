package dev.llmsafe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code llmsafe} command line: every subcommand is listed here. */
@Command(name = "llmsafe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Safe, auditable AI-assisted development on Pulumi.", "",
                "Preview environments, policy checks, human-gated promotion and a tamper-evident audit log."},
        subcommands = {
                PlanCommand.class,
                CodeOwnersCommand.class,
                VerifyCommand.class,
                ReaperCommand.class,
                GateCommand.class,
                AuditCommand.class,
                PolicyCommand.class,
                CommentCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class LlmSafeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; see --help");
    }

    /** A picocli {@link CommandLine} with the project's exit codes and error output. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The same, creating commands through {@code factory} (tests use it to give commands fakes). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new LlmSafeCommand(), factory);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            // A mistyped option also leaves a required one missing: the typo is the news, with what was meant.
            CommandLine.ParseResult parsed = cmd.getParseResult();
            CommandLine.ParameterException shown = e instanceof CommandLine.UnmatchedArgumentException
                    || parsed == null || parsed.unmatched().isEmpty()
                    ? e : new CommandLine.UnmatchedArgumentException(cmd, parsed.unmatched());
            cmd.getErr().println("llmsafe: " + shown.getMessage());
            if (shown instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                cmd.getErr().println("Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?");
            }
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("llmsafe: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }
}
