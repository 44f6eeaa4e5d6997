package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of {@code policy check} that picocli judges before the command runs: a plan from a file or from a
 * stack, a change from a diff or from the whole tree, never both of a pair.
 */
class PolicyCheckOptionsTest {
    private static final String TRY = "Try 'llmsafe policy check --help' for usage.";

    @TempDir
    Path dir;

    private Path stagingPlan() throws Exception {
        CliRun plan = CliRun.of(
                "plan",
                "--stack",
                "staging",
                "--project-dir",
                CliRun.projectDir().toString(),
                "--format",
                "json");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        return Files.writeString(dir.resolve("plan.json"), plan.out());
    }

    @Test
    void aPlanFileAndAStackAreRefusedTogether() {
        CliRun run = CliRun.of("policy", "check", "--plan", "plan.json", "--stack", "pr-42");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("llmsafe policy check: --plan=FILE, --stack=NAME are mutually "
                        + "exclusive (specify only one)\n" + TRY + "\n");
    }

    @Test
    void aDiffAndAllFilesAreRefusedTogether() {
        CliRun run = CliRun.of("policy", "check", "--diff", "main..HEAD", "--all-files");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("llmsafe policy check: --diff=BASE..HEAD, --all-files are mutually "
                        + "exclusive (specify only one)\n" + TRY + "\n");
    }

    @Test
    void aPlanWithoutAChangeSkipsTheChangeRules() throws Exception {
        CliRun run = CliRun.of("policy", "check", "--plan", stagingPlan().toString(), "--project-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "PASS     provider-targets (mandatory)",
                        "SKIP     ai-allowed-paths (mandatory): no diff given (--diff)");
    }

    @Test
    void aChangeWithoutAPlanSkipsThePlanRules() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# a project\n");
        CliRun run = CliRun.of("policy", "check", "--all-files", "--project-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("reading the files of " + dir);
        assertThat(run.out()).contains("SKIP     provider-targets (mandatory)");
    }

    @Test
    void neitherOfAnyPairIsNothingToCheck() {
        CliRun run = CliRun.of("policy", "check");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("llmsafe policy check: nothing to check; give --plan, --stack, --diff, "
                        + "--all-files or --workflows\n" + TRY + "\n");
    }
}
