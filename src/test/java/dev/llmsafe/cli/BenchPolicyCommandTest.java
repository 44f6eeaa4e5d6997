package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's output and arguments; timings are not asserted (this is not a timed test). */
class BenchPolicyCommandTest {
    @Test
    void printsParseAndEvaluateTimesAndTheirRatio() {
        var run = PolicyCheckCommandTest.run("bench", "policy", "--resources", "200", "--runs", "2", "--warmup", "1");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("plan:      200 resources")
                .contains("0 findings")
                .containsPattern("parse: +[0-9.]+ ms median \\([0-9.]+ [0-9.]+\\)")
                .containsPattern("evaluate: +[0-9.]+ ms median")
                .containsPattern("ratio: +[0-9.]+ \\(parse \\+ evaluate\\) / parse; goal <= 1.5: (met|NOT met)");
        assertThat(run.err()).contains("run 1/5 (warm-up)").contains("run 5/5 (evaluate)");
    }

    @Test
    void rejectsSizesItCannotGenerate() {
        var run = PolicyCheckCommandTest.run("bench", "policy", "--resources", "0");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--resources must be between 1 and 1000000, not 0");
    }
}
