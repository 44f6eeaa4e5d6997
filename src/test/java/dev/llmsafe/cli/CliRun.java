package dev.llmsafe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        return with(LlmSafeCommand.forArguments(args), args); // the command line Main runs
    }

    /** Runs {@code args} on {@code cli}, a command line such as {@link LlmSafeCommand#forArguments} builds. */
    public static CliRun with(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The repository root, where Pulumi.yaml and the stack files live. */
    public static Path projectDir() {
        return Path.of(System.getProperty("llmsafe.projectDir", ".")).toAbsolutePath();
    }
}
