package dev.llmsafe.engine;

import dev.llmsafe.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `.ci/bench-engine`'s arguments: a true `--help`, and bad input refused with the value and the fix before any
 * build starts. What it measures needs the engine and is a benchmark, not a test.
 */
class BenchEngineScriptTest {
    private static Subprocess run(String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of(CliRun.projectDir().resolve(".ci/bench-engine").toString()));
        command.addAll(List.of(args));
        return Subprocess.run(command, CliRun.projectDir(), System.getenv(), 30);
    }

    @Test
    void helpListsEveryOption() throws Exception {
        var help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).contains("Usage: .ci/bench-engine").contains("--cold").contains("--stack NAME");
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
