package dev.llmsafe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line with a chosen environment and captures its output. */
record AuditCliRun(int exit, String out, String err) {
    static AuditCliRun run(Map<String, String> env, String... args) {
        CommandLine cli = LlmSafeCommand.commandLine();
        ((AuditCommand) cli.getSubcommands().get("audit").getCommand()).environment = env;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new AuditCliRun(exit, out.toString(), err.toString());
    }
}
