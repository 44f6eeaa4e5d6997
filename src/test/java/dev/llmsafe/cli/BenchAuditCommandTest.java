package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.bench.Goals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark's defaults, output and goal wording; timings are not asserted (this is not a timed test). */
class BenchAuditCommandTest {
    private static final Pattern GOAL = Pattern.compile(
            "goal: audit verify >= 1\\.5 x sha256sum on a 1,000,000-record " + "log: ([0-9.]+) x, (met|NOT met)(.*)");
    private static final Pattern SIZE = Pattern.compile("records: +([0-9,]+) \\(([0-9.]+) MB\\)");

    @TempDir
    Path dir;

    @Test
    void comparesTheVerifyProcessWithSha256sumAndSaysWhetherTheGoalIsMet() {
        CliRun run = CliRun.of("bench", "audit", "--records", "300", "--runs", "1", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("audit verify, whole process: +[0-9.]+ s median, [0-9.]+ MB/s \\(.+; [0-9.]+ ms\\)")
                .containsPattern("sha256sum, whole process: +[0-9.]+ s median, [0-9.]+ MB/s \\([0-9.]+ ms\\)")
                .containsPattern("in-process verify: +[0-9.]+ s, [0-9.]+ MB/s, [0-9,]+ records/s \\(intact\\)")
                .containsPattern("in-process raw SHA-256: +[0-9.]+ s, [0-9.]+ MB/s");
        assertThat(run.err()).contains("round 1/1").doesNotContain("warm-up");
        Matcher goal = GOAL.matcher(run.out());
        assertThat(goal.find()).as(run.out()).isTrue();
        double ratio = Double.parseDouble(goal.group(1));
        assertThat(goal.group(2)).as("the verdict follows the ratio").isEqualTo(ratio >= 1.5 ? "met" : "NOT met");
        assertThat(goal.group(3))
                .isEqualTo(
                        " (at 300 records, where startup weighs more; measure the goal with " + "--records 1000000)");
        assertThat(dir.resolve("bench-audit.jsonl"))
                .as("removed without --keep")
                .doesNotExist();
    }

    @Test
    void theGoalLineSaysMetOrNotMetAndWhenTheLogIsNotTheGoalsSize() {
        assertThat(BenchAuditCommand.goal(1.62, 1_000_000))
                .isEqualTo("goal: audit verify >= 1.5 x sha256sum on a 1,000,000-record log: 1.62 x, met");
        assertThat(BenchAuditCommand.goal(1.5, 1_000_000)).endsWith(": 1.50 x, met");
        assertThat(BenchAuditCommand.goal(1.19, 1_000_000)).endsWith(": 1.19 x, NOT met");
        assertThat(BenchAuditCommand.goal(0.4, 50_000))
                .endsWith(": 0.40 x, NOT met (at 50,000 records, where startup "
                        + "weighs more; measure the goal with --records 1000000)");
        assertThat(BenchAuditCommand.goal(2.1, 2_000_000))
                .contains("met (at 2,000,000 records, where startup weighs less");
    }

    /** The default used to write 634 MB in about 65 s; it is now a log of about 12 MB, a run of about 10 s. */
    @Test
    void theDefaultLogIsSmallEnoughForARunOfAboutTenSeconds() {
        CommandLine.Model.OptionSpec records = LlmSafeCommand.commandLine()
                .getSubcommands()
                .get("bench")
                .getSubcommands()
                .get("audit")
                .getCommandSpec()
                .findOption("--records");
        assertThat(records.defaultValue())
                .isEqualTo(BenchAuditCommand.DEFAULT_RECORDS)
                .isEqualTo("20000");
        assertThat(CliRun.of("bench", "audit", "--help").out()).contains("(default: 20000;");

        CliRun run = CliRun.of("bench", "audit", "--records", "1000", "--runs", "1", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher size = SIZE.matcher(run.out());
        assertThat(size.find()).as(run.out()).isTrue();
        double mbPerRecord = Double.parseDouble(size.group(2)) / 1000;
        assertThat(mbPerRecord * Long.parseLong(BenchAuditCommand.DEFAULT_RECORDS))
                .as("MB written by default")
                .isBetween(5.0, 40.0);
    }

    @Test
    void aMissingSha256sumIsSaidPlainlyBeforeAnythingIsWritten() {
        CliRun run = CliRun.of(
                "bench", "audit", "--records", "100", "--dir", dir.toString(), "--sha256sum", "no-such-sha256sum-here");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("llmsafe bench audit: --sha256sum no-such-sha256sum-here: no such program on "
                        + "PATH to compare verify with; install GNU coreutils (apt-get install coreutils, brew install "
                        + "coreutils), or name the program with --sha256sum\n");
        assertThat(dir.resolve("bench-audit.jsonl")).doesNotExist();
        CliRun path = CliRun.of(
                "bench",
                "audit",
                "--records",
                "100",
                "--sha256sum",
                dir.resolve("sha256sum").toString());
        assertThat(path.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(path.err())
                .contains(": no such program to compare verify with")
                .doesNotContain("Exception");
    }

    /** A stand-in for sha256sum whose first run is slow: the verdict then comes with a note naming it. */
    @Test
    void unevenRunsGetANoteUnderTheVerdict() throws Exception {
        Path slowOnce = dir.resolve("slow-once-sha256sum");
        Files.writeString(slowOnce, "#!/bin/sh\nif [ ! -f \"$0.ran\" ]; then : > \"$0.ran\"; sleep 1; fi\n");
        Files.setPosixFilePermissions(slowOnce, PosixFilePermissions.fromString("rwx------"));
        CliRun run = CliRun.of(
                "bench",
                "audit",
                "--records",
                "300",
                "--runs",
                "3",
                "--dir",
                dir.toString(),
                "--sha256sum",
                slowOnce.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Goals.UNEVEN).as("the threshold both benches' help states").isEqualTo(0.25);
        assertThat(CliRun.of("bench", "audit", "--help").out().replaceAll("\\s+", " "))
                .contains("spread by more than a quarter of their median");
        assertThat(CliRun.of("bench", "startup", "--help").out().replaceAll("\\s+", " "))
                .contains("spread by more than a quarter of their median");
        String[] lines = run.out().split("\n");
        assertThat(lines[lines.length - 2]).startsWith("goal: ");
        assertThat(lines[lines.length - 1])
                .startsWith("note: the timed runs spread (slowest - fastest) by ")
                .containsPattern("[0-9]+% for sha256sum of their median")
                .endsWith("run again, with more --runs");
    }

    @Test
    void badSizesAreRefused() {
        CliRun run = CliRun.of("bench", "audit", "--records", "0");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--records must be from 1 to 100000000 and --runs from 1 to 100, not 0 and 3");
    }
}
