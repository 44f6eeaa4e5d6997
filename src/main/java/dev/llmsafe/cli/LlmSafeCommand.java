package dev.llmsafe.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code llmsafe} command line: every subcommand is listed in {@link #COMMANDS}. */
@Command(
        name = "llmsafe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Safe, auditable AI-assisted development on Pulumi.",
            "",
            "Preview environments, policy checks, human-gated promotion and a tamper-evident audit log."
        })
public final class LlmSafeCommand implements Runnable, CommandGroup {
    /**
     * The top-level commands, in the order the root's help lists them: the one list of them. They are added to
     * the root as it is built rather than named in its {@code @Command}, so that a run of one of them can build
     * that one alone ({@link #forArguments}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            PlanCommand.class,
            CodeOwnersCommand.class,
            VerifyCommand.class,
            ReaperCommand.class,
            GateCommand.class,
            AuditCommand.class,
            PolicyCommand.class,
            CommentCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * picocli's default factory otherwise looks for Groovy's {@code groovy.lang.Closure} when it is first used: a
     * class that is nowhere, so the class loader opened every one of the ~100 jars on the class path to be sure of
     * it, 35 to 50 ms of every command. No command here is a Groovy closure. picocli reads the property once, as
     * its DefaultFactory class is initialised (the first factory made, not when CommandLine loads), and every
     * factory of a run is made by this class's methods, so this block, which runs before any of them, is in time.
     */
    static final String NO_GROOVY_CLOSURES = "picocli.disable.closures";

    static {
        System.setProperty(NO_GROOVY_CLOSURES, "true");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; see --help");
    }

    /** A picocli {@link CommandLine} with every command, the project's exit codes and error output. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The same, creating commands through {@code factory} (tests use it to give commands fakes). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return commandLine(factory, System.getenv());
    }

    /** The same, with {@code environment} deciding whether an unexpected error shows its stack trace. */
    static CommandLine commandLine(CommandLine.IFactory factory, Map<String, String> environment) {
        return handled(CommandTree.whole(new LlmSafeCommand(), factory), environment);
    }

    /**
     * The command line to run {@code args} with: where they name a command exactly (its name right after the
     * group's), only that command of its group is built ({@link CommandTree#forArguments}), since picocli's model of
     * every command costs a short command much of its run; what any run prints and does is the same.
     */
    public static CommandLine forArguments(String... args) {
        return forArguments(CommandLine.defaultFactory(), System.getenv(), args);
    }

    static CommandLine forArguments(CommandLine.IFactory factory, Map<String, String> environment, String... args) {
        return handled(CommandTree.forArguments(new LlmSafeCommand(), factory, Arrays.asList(args)), environment);
    }

    @Override
    public List<Class<?>> commands() {
        return COMMANDS;
    }

    private static CommandLine handled(CommandLine cli, Map<String, String> environment) {
        CliErrorHandler errors = new CliErrorHandler(environment);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        return cli;
    }
}
