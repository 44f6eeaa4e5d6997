package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.workflows.Workflows;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The destroy job's own step on the real CLI, for the stacks a closed pull request can leave. */
class PreviewDestroyEngineIT {
    private static final String WORKFLOW = "pr-env.yml";

    @TempDir
    Path tmp;

    @Test
    void aStackThatNeverExistedIsNothingToDestroy() throws Exception {
        var sandbox = new EngineSandbox(tmp).env(Workflows.staticEnv(WORKFLOW)).env("STACK", "pr-11");

        var destroy = sandbox.step(WORKFLOW, "destroy", "Destroy the stack if it exists");

        assertThat(destroy.process().exit()).as(destroy.process().output()).isZero();
        assertThat(destroy.outputs()).containsEntry("result", "absent");
        var stacks = sandbox.pulumi("stack", "ls", "--json");
        assertThat(stacks.stdout().strip()).as(stacks.output()).isEqualTo("[]");
    }

    @Test
    void aStackCreatedButNeverDeployedIsRemovedByANewRunner() throws Exception {
        var sandbox = new EngineSandbox(tmp).env(Workflows.staticEnv(WORKFLOW)).env("STACK", "pr-12");
        var init = sandbox.pulumi("stack", "init", "pr-12", "--secrets-provider", "passphrase");
        assertThat(init.exit()).as(init.output()).isZero();

        sandbox.freshRunner();
        var destroy = sandbox.step(WORKFLOW, "destroy", "Destroy the stack if it exists");

        assertThat(destroy.process().exit()).as(destroy.process().output()).isZero();
        assertThat(destroy.outputs()).containsEntry("result", "destroyed");
        var stacks = sandbox.pulumi("stack", "ls", "--json");
        assertThat(stacks.stdout().strip()).as(stacks.output()).isEqualTo("[]");
    }
}
