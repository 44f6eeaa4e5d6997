package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A `pulumi up` killed mid-run (a cancelled workflow, a lost runner) leaves the DIY backend's lock behind, and
 * such a lock never expires. The destroy job's own step must still remove the stack.
 */
class StaleLockEngineIT {
    @TempDir
    Path tmp;

    private GithubStandIn github;
    private EngineSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        github = new GithubStandIn(GovernanceConfig.OWNER, GovernanceConfig.REPO, 2000);
        sandbox = GovernanceProject.initialised(
                        tmp, github, "pr-env.yml", GovernanceConfig.config(1001, List.of("build")))
                .env("STACK", GovernanceProject.STACK);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void theDestroyStepRemovesAStackAKilledUpLeftLocked() throws Exception {
        killUpOnceItHoldsTheLock();
        assertThat(sandbox.locks()).as("the killed up left its lock").isNotEmpty();

        var destroy = sandbox.step("pr-env.yml", "destroy", "Destroy the stack if it exists");

        assertThat(destroy.process().exit()).as(destroy.process().output()).isZero();
        assertThat(destroy.outputs()).containsEntry("result", "destroyed");
        assertThat(sandbox.locks()).isEmpty();
        assertThat(sandbox.pulumi("stack", "ls", "--json").stdout().strip()).isEqualTo("[]");
    }

    /** Starts `pulumi up` and kills it, and everything it started, as soon as the stack's lock file exists. */
    private void killUpOnceItHoldsTheLock() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Subprocess.onPath("pulumi", sandbox.environment().get("PATH")),
                        "up",
                        "--yes",
                        "--non-interactive",
                        "--stack",
                        GovernanceProject.STACK)
                .directory(sandbox.checkout().toFile())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed-up.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(sandbox.environment());
        Process up = builder.start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (sandbox.locks().isEmpty() && up.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(up.isAlive())
                .as("up was still running when its lock appeared: " + Files.readString(tmp.resolve("killed-up.log")))
                .isTrue();
        up.descendants().forEach(ProcessHandle::destroyForcibly);
        up.destroyForcibly().waitFor();
    }
}
