package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.workflows.Workflows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend that errors is not a backend without the stack: on the real CLI, the preview's stack step, the destroy
 * step and promote-stack.sh stop with the error instead of creating a stack or reporting "never existed". The CLI
 * is the real one behind a wrapper on PATH that logs each command it is given.
 */
class StackStateEngineIT {
    private static final String WORKFLOW = "pr-env.yml";

    @TempDir
    Path tmp;

    private EngineSandbox sandbox;
    private Path log;

    @BeforeEach
    void runner() throws Exception {
        sandbox = new EngineSandbox(tmp);
        Path real = Path.of(Subprocess.onPath("pulumi", sandbox.environment().get("PATH")));
        Path wrappers = Files.createDirectories(tmp.resolve("wrappers"));
        log = tmp.resolve("pulumi-calls.log");
        // With BREAK_AFTER_LOGIN set, the backend starts failing right after a successful login (an outage, a
        // permission taken away), as the file a DIY backend checks on every command becomes one it refuses.
        Files.writeString(
                wrappers.resolve("pulumi"),
                "#!/usr/bin/env bash\necho \"$*\" >> '" + log + "'\n'"
                        + real + "' \"$@\"\nrc=$?\n"
                        + "if [ \"$1\" = login ] && [ -n \"${BREAK_AFTER_LOGIN:-}\" ]; then echo 'version: 99' > \"$BREAK_AFTER_LOGIN\"; fi\n"
                        + "exit $rc\n");
        wrappers.resolve("pulumi").toFile().setExecutable(true);
        sandbox.env(Workflows.staticEnv(WORKFLOW))
                .env("PATH", wrappers + ":" + sandbox.environment().get("PATH"))
                .env("PR_NUMBER", "7")
                .env("STACK", "pr-7")
                .env("PR_BRANCH", "feature/state")
                .env("PR_SHA", "0123456789abcdef0123456789abcdef01234567")
                .env("PR_LABELS", "")
                .env("PULUMI_SECRETS_PROVIDER", "passphrase")
                .stepExports(WORKFLOW, "preview", "Name the stack's files");
    }

    /** A state store this CLI refuses, as it refuses one it cannot read: every command fails. */
    private void breakTheBackend() throws IOException {
        Files.writeString(metaFile(), "version: 99\n");
    }

    private Path metaFile() throws IOException {
        return Files.createDirectories(sandbox.backend().resolve(".pulumi")).resolve("meta.yaml");
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void theStackStepOfABackendThatErrorsFailsAndCreatesNothing() throws Exception {
        breakTheBackend();

        var step = sandbox.step(WORKFLOW, "preview", "Select the PR's stack and set its config");

        assertThat(step.process().exit()).isNotZero();
        assertThat(step.process().output())
                .contains(
                        "cannot tell whether stack pr-7 exists", "is not supported by this version of the Pulumi CLI");
        assertThat(calls())
                .as("no stack is created on a backend that did not answer")
                .noneMatch(c -> c.startsWith("stack init"));
    }

    @Test
    void theDestroyStepOfABackendThatErrorsFailsInsteadOfReportingNeverExisted() throws Exception {
        breakTheBackend();

        var step = sandbox.step(WORKFLOW, "destroy", "Destroy the stack if it exists");

        assertThat(step.process().exit()).isNotZero();
        assertThat(step.process().output())
                .contains("cannot tell whether stack pr-7 exists")
                .doesNotContain("never existed");
        assertThat(step.outputs()).doesNotContainKey("result");
    }

    @Test
    void promotingOnABackendThatErrorsAfterLoginFailsAndCreatesNothing() throws Exception {
        sandbox.env("BREAK_AFTER_LOGIN", metaFile().toString())
                .env("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
                .env("GITHUB_OUTPUT", tmp.resolve("github-output").toString());

        var run = sandbox.bash(".github/scripts/promote-stack.sh staging");

        assertThat(run.exit()).isNotZero();
        assertThat(calls()).first().asString().startsWith("login");
        assertThat(run.output()).contains("cannot tell whether stack staging exists");
        assertThat(calls()).noneMatch(c -> c.startsWith("stack init"));
        assertThat(calls()).noneMatch(c -> c.startsWith("up") || c.startsWith("preview"));
    }

    @Test
    void aHealthyBackendWithoutTheStackGetsItCreatedOnce() throws Exception {
        var first = sandbox.step(WORKFLOW, "preview", "Select the PR's stack and set its config");
        assertThat(first.process().exit()).as(first.process().output()).isZero();
        var again = sandbox.step(WORKFLOW, "preview", "Select the PR's stack and set its config");
        assertThat(again.process().exit()).as(again.process().output()).isZero();

        assertThat(calls().stream().filter(c -> c.startsWith("stack init"))).hasSize(1);
        assertThat(calls()).contains("stack select pr-7");
    }
}
