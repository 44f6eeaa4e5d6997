package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arguments of the engine and act toolchain scripts under `.ci/`: a true `--help`, and bad input refused with the value and the
 * fix before any build starts. What `.ci/bench-engine` measures needs the engine and is a benchmark, not a test.
 */
class CiScriptArgumentsTest {
    private static Subprocess run(String... args) throws Exception {
        return script("bench-engine", args);
    }

    private static Subprocess script(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(CliRun.projectDir().resolve(".ci").resolve(name).toString()));
        command.addAll(List.of(args));
        return Subprocess.run(command, CliRun.projectDir(), System.getenv(), 30);
    }

    @Test
    void engineToolchainHelpSaysWhatItBuildsAndWhereItLeavesIt() throws Exception {
        var help = script("engine-toolchain", "--help");
        assertThat(help.exit()).as(help.stderr()).isZero();
        assertThat(help.stdout())
                .contains("Usage: .ci/engine-toolchain")
                .contains(".ci/engine/go.mod")
                .contains("LLMSAFE_ENGINE_CACHE")
                .contains("Exit codes");
        assertThat(help.stderr()).as("no build started").isEmpty();
    }

    @Test
    void engineToolchainRefusesArgumentsItDoesNotTake() throws Exception {
        var bad = script("engine-toolchain", "--cold");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("'--cold'").contains("--help").doesNotContain("cache");
    }

    @Test
    void actToolchainHelpSaysWhatItBuildsAndWhereItLeavesIt() throws Exception {
        var help = script("act-toolchain", "--help");
        assertThat(help.exit()).as(help.stderr()).isZero();
        assertThat(help.stdout())
                .contains("Usage: .ci/act-toolchain")
                .contains(".ci/act/go.mod")
                .contains("LLMSAFE_ACT_CACHE")
                .contains("Exit codes");
        assertThat(help.stderr()).as("no build started").isEmpty();
    }

    @Test
    void actToolchainRefusesArgumentsItDoesNotTake() throws Exception {
        var bad = script("act-toolchain", "--cold");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("'--cold'").contains("--help").doesNotContain("cache");
    }

    @Test
    void helpListsEveryOption() throws Exception {
        var help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.stdout())
                .contains("Usage: .ci/bench-engine")
                .contains("--cold")
                .contains("--stack NAME");
    }

    @Test
    void aStackThatIsNotAReviewStackIsBadInput() throws Exception {
        var bad = run("--stack", "production");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("'production'").contains("pr-<N>");
    }

    @Test
    void anUnknownArgumentIsBadInput() throws Exception {
        var bad = run("--warm");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("'--warm'").contains("Usage:");
    }
}
