package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reaper.yml's Destroy step, run as a runner runs it, with stand-ins for pulumi and for the program (which the
 * audit script runs for the log's head, then to append) that record their calls: a failed destroy is audited,
 * does not stop the others, and fails the job.
 */
class ReaperDestroyStepTest {
    @TempDir
    Path dir;

    private Path calls;

    private Path standIns(String pulumiBody) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.txt");
        Files.writeString(calls, "");
        for (var tool : List.of(new String[] {"pulumi", pulumiBody}, new String[] {"java", "exit 0"})) {
            Path f = bin.resolve(tool[0]);
            // Reading stdin here is what a careless CLI does; the loop must not lose the next stacks to it.
            Files.writeString(
                    f,
                    "#!/usr/bin/env bash\necho \"" + tool[0] + " $*\" >> '" + calls + "'\ncat >/dev/null\n" + tool[1]
                            + "\n");
            f.toFile().setExecutable(true);
        }
        return bin;
    }

    private RunnerStep.Result destroy(String event, String pulumiBody) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Workflows.checkOutScripts(workspace);
        Files.writeString(
                RunnerStep.runnerTemp(workspace).resolve("decisions.tsv"),
                String.join(
                        "\n",
                        "destroy\tpr-7\tpull request #7 is closed",
                        "keep\tpr-8\tkept: deployed 1 days ago",
                        "destroy\tpr-9\tpull request #9 is closed",
                        "destroy\tpr-11\tno deploy for 9 days (previewTtlDays is 7)",
                        ""));
        return RunnerStep.of("reaper.yml", "reap", "Destroy")
                .github("event_name", event)
                .onPath(standIns(pulumiBody))
                .run(workspace);
    }

    @Test
    void aFailedDestroyFailsTheJobAfterEveryStackWasTried() throws Exception {
        var r = destroy(
                "schedule",
                "[ \"$5\" = pr-9 ] && { echo 'error: the stack is currently locked' >&2; exit 255; }\nexit 0");
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("could not destroy pr-9");
        List<String> recorded = Files.readAllLines(calls);
        assertThat(recorded)
                .filteredOn(c -> c.startsWith("pulumi destroy"))
                .containsExactly(
                        "pulumi destroy --yes --remove --stack pr-7",
                        "pulumi destroy --yes --remove --stack pr-9",
                        "pulumi destroy --yes --remove --stack pr-11");
        assertThat(recorded)
                .filteredOn(c -> c.startsWith("java") && c.contains(" audit append "))
                .hasSize(3)
                .anySatisfy(c -> assertThat(c).contains("\"stack\":\"pr-9\"", "\"result\":\"failed\""))
                .anySatisfy(c -> assertThat(c).contains("\"stack\":\"pr-11\"", "\"result\":\"destroyed\""));
    }

    @Test
    void destroysThatAllSucceedLeaveTheJobGreen() throws Exception {
        var r = destroy("schedule", "exit 0");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readAllLines(calls))
                .filteredOn(c -> c.startsWith("pulumi destroy"))
                .hasSize(3);
    }

    @Test
    void aDryRunDestroysNothing() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(RunnerStep.runnerTemp(workspace).resolve("decisions.tsv"), "destroy\tpr-7\tclosed\n");
        var r = RunnerStep.of("reaper.yml", "reap", "Destroy")
                .github("event_name", "workflow_dispatch")
                .input("dry-run", true)
                .onPath(standIns("exit 1"))
                .run(workspace);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("dry run: would destroy pr-7 (closed)");
        assertThat(Files.readAllLines(calls)).isEmpty();
    }
}
