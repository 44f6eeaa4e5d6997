package dev.llmsafe.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code llmsafe} command line: every subcommand is listed here. */
@Command(
        name = "llmsafe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Safe, auditable AI-assisted development on Pulumi.",
            "",
            "Preview environments, policy checks, human-gated promotion and a tamper-evident audit log."
        },
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
        return commandLine(factory, System.getenv());
    }

    /** The same, with {@code environment} deciding whether an unexpected error shows its stack trace. */
    static CommandLine commandLine(CommandLine.IFactory factory, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new LlmSafeCommand(), factory);
        CliErrorHandler errors = new CliErrorHandler(environment);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        return cli;
    }
}
