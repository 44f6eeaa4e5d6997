package dev.llmsafe.cli;

import dev.llmsafe.bench.StartupBenchmark;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.stack.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every error of every command in one format, {@code llmsafe <command>: <message>}, on stderr. Usage errors and
 * bad input exit 2; so does an unexpected error, which prevented a verdict ({@link ExitCodes#BAD_INPUT}) and is
 * shown in one line, with its stack trace only when {@value #DEBUG} is set.
 */
final class CliErrorHandler implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    /** The environment variable that asks for the stack trace of an unexpected error. */
    static final String DEBUG = "LLMSAFE_DEBUG";

    private static final String PICOCLI_ERROR = "Error: ";

    private final boolean debug;

    CliErrorHandler(Map<String, String> environment) {
        this.debug = !environment.getOrDefault(DEBUG, "").isBlank();
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        // A mistyped option also leaves a required one missing: the typo is the news, with what was meant.
        CommandLine.ParseResult parsed = cmd.getParseResult();
        ParameterException shown = e instanceof UnmatchedArgumentException
                        || parsed == null
                        || parsed.unmatched().isEmpty()
                ? e
                : new UnmatchedArgumentException(cmd, parsed.unmatched());
        // picocli starts its argument-group messages with "Error: "; the prefix already says it is one.
        String message = shown.getMessage();
        print(cmd, message.startsWith(PICOCLI_ERROR) ? message.substring(PICOCLI_ERROR.length()) : message);
        if (shown instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            cmd.getErr().println("Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?");
        }
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        cmd.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String message = userMessage(e);
        if (message == null) {
            message = "unexpected error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); "
                    + (debug ? "its stack trace follows" : "set " + DEBUG + "=1 for its stack trace");
        }
        print(cmd, message);
        if (debug) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    /**
     * What to tell the user about an error of their input, or null when it is no such error but a defect. Besides
     * the CLI's own exception, the readers and parsers the commands call report bad input as an IOException (a file
     * and its problem), an IllegalArgumentException (a value and the form expected) or a stack's config problems.
     */
    private static String userMessage(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof CharacterCodingException) {
            return "an input file is not UTF-8 text (" + e.getMessage() + ")";
        }
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        boolean input = e instanceof BadInputException
                || e instanceof IOException
                || e instanceof IllegalArgumentException
                || e instanceof InvalidConfigException
                || e instanceof MockRun.ProgramFailedException
                || e instanceof StartupBenchmark.ProbeFailedException;
        return input ? String.valueOf(e.getMessage()) : null;
    }

    private static void print(CommandLine cmd, String message) {
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message);
    }
}
