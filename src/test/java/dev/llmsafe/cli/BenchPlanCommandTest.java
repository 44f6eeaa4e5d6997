package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plan benchmark's output and arguments; timings are not asserted (this is not a timed test). */
class BenchPlanCommandTest {
    @Test
    void printsThePlanAndTheOneResourceBaselineAndTheirRatio() {
        var run = PolicyCheckCommandTest.run(
                "bench", "plan", "--project-dir", CliRun.projectDir().toString(), "--runs", "2", "--warmup", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("plan pr-42: +[0-9.]+ ms median, 14 resources \\([0-9.]+ [0-9.]+\\)")
                .containsPattern("one resource: [0-9.]+ ms median")
                .containsPattern("14 empty: +[0-9.]+ ms median \\([0-9.]+ [0-9.]+\\)")
                .containsPattern("ratio: +[0-9.]+ plan / one resource; goal <= 2.0: (met|NOT met)")
                .containsPattern(" +[0-9.]+ plan / 14 empty resources");
        assertThat(run.err()).contains("run 1/3 (warm-up)").contains("run 3/3");
    }

    @Test
    void aStackWithBadConfigIsBadInput() {
        var run = PolicyCheckCommandTest.run(
                "bench", "plan", "--project-dir", CliRun.projectDir().toString(), "--stack", "nope");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope");
    }
}
