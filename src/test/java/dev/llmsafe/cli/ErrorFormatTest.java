package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every command reports an error in one format, {@code llmsafe <command>: <message>}, with exit 2: bad input a
 * command throws, a usage error it finds itself, an option picocli refuses, and a defect, which shows no stack
 * trace unless LLMSAFE_DEBUG asks for one.
 */
class ErrorFormatTest {
    @TempDir
    Path dir;

    /** The lines of stderr that carry an error, i.e. start with "llmsafe". */
    private static List<String> errors(String err) {
        return err.lines().filter(l -> l.startsWith("llmsafe")).toList();
    }

    @Test
    void badInputNamesTheCommandOnce() {
        Path log = dir.resolve("missing.jsonl");
        AuditCliRun run = AuditCliRun.run(Map.of(), "audit", "verify", "--log", log.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errors(run.err()))
                .singleElement()
                .asString()
                .startsWith("llmsafe audit verify: ")
                .contains(log.toString());
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void badInputFoundBySharedOptionsNamesTheCommandThatRan() {
        AuditCliRun run = AuditCliRun.run(Map.of(), "audit", "head", "--gcs-bucket", "Not_A_Bucket");
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errors(run.err()))
                .containsExactly("llmsafe audit head: --gcs-bucket 'Not_A_Bucket' is not a "
                        + "bucket name; pass the name only, e.g. acme-shop-audit-log");
    }

    @Test
    void aUsageErrorOfACommandNamesItAndPointsToItsHelp() {
        CliRun bench = CliRun.of("bench", "startup", "--runs", "0");
        assertThat(bench.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bench.err())
                .isEqualTo("llmsafe bench startup: --runs must be 1-100, not 0\n"
                        + "Try 'llmsafe bench startup --help' for usage.\n");
        CliRun policy = CliRun.of("policy", "check");
        assertThat(policy.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(policy.err())
                .startsWith("llmsafe policy check: nothing to check; give --plan")
                .endsWith("Try 'llmsafe policy check --help' for usage.\n");
    }

    @Test
    void picocliRefusalsUseTheSameFormat() {
        CliRun option = CliRun.of("plan", "--stak", "pr-42");
        assertThat(option.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errors(option.err()).get(0)).startsWith("llmsafe plan: Unknown options: '--stak'");
        CliRun command = CliRun.of("plna");
        assertThat(errors(command.err()).get(0)).startsWith("llmsafe: Unmatched argument");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a defect");
        }
    }

    private static CliRun boom(Map<String, String> environment) {
        CommandLine cli = LlmSafeCommand.commandLine(CommandLine.defaultFactory(), environment);
        cli.addSubcommand(new Boom());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        return new CliRun(cli.execute("boom"), "", err.toString());
    }

    @Test
    void aDefectIsOneLineWithoutAStackTrace() {
        CliRun run = boom(Map.of());
        assertThat(run.exitCode()).as("a defect prevented a verdict").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("llmsafe boom: unexpected error (IllegalStateException: a defect); set "
                        + "LLMSAFE_DEBUG=1 for its stack trace\n");
    }

    @Test
    void theDebugVariableAsksForTheStackTrace() {
        CliRun run = boom(Map.of(CliErrorHandler.DEBUG, "1"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .startsWith("llmsafe boom: unexpected error (IllegalStateException: a defect); its "
                        + "stack trace follows\n")
                .contains("\tat " + Boom.class.getName() + ".call");
    }
}
