package dev.llmsafe.workflows;

import static dev.llmsafe.gate.FakeGithub.SHA;
import static dev.llmsafe.gate.FakeGithub.approval;
import static dev.llmsafe.gate.FakeGithub.commit;
import static dev.llmsafe.gate.FakeGithub.list;
import static dev.llmsafe.gate.FakeGithub.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.gate.FakeGithub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promote.yml's gate steps, run as a runner runs them (only the documented environment, the step's own env:) in a
 * workspace holding the built jar and the repository's policy.yaml, against a loopback GitHub API.
 */
class PromoteGateStepTest {
    private static final String RUN = "/repos/acme/shop/actions/runs/42";
    private static final String APPROVALS = RUN + "/approvals?per_page=100";
    private static final String ALICE = user("alice", 1001, "User");
    private static final String BOB = user("bob", 1002, "User");
    private static final String CAROL = user("carol", 1003, "User");
    private static final String FRANK = user("frank", 1006, "User");

    @TempDir
    Path dir;

    private Path workspace;
    private FakeGithub github;

    @BeforeEach
    void start() throws IOException {
        workspace = Files.createDirectories(dir.resolve("workspace"));
        CliJar.write(workspace);
        Files.copy(CliRun.projectDir().resolve("policy.yaml"), workspace.resolve("policy.yaml"));
        github = new FakeGithub();
        github.on(RUN, 200, FakeGithub.run(42, CAROL, CAROL));
        var frank = new FakeGithub.Git("Frank", "frank@acme.example", FRANK);
        github.change("acme/shop", SHA, commit(SHA, frank, frank), 12, FRANK, commit(SHA, frank, frank));
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private RunnerStep.Result run(String job, String step, int attempt) throws Exception {
        return RunnerStep.of("promote.yml", job, step)
                .github("api_url", github.url())
                .github("run_attempt", String.valueOf(attempt))
                .run(workspace);
    }

    @Test
    void stagingsGateGetsTheJobsTokenAndPasses() throws Exception {
        github.on(APPROVALS, 200, list(approval("approved", ALICE, "", "staging")));
        var r = run("staging", "Check that a human approved this deployment", 1);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("PASSED");
        assertThat(github.requests())
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer ghs_jobTokenFromTheGithubContext"));
    }

    @Test
    void productionsGatePassesOnTwoPeopleWhoDidNotWriteTheChange() throws Exception {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", BOB, "", "production")));
        var r = run("production", "Check that two distinct humans approved", 1);
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void productionsGateNeverCountsTheAgentPolicyYamlNames() throws Exception {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", user("acme-code-agent", 7007, "User"), "lgtm", "production")));
        var r = run("production", "Check that two distinct humans approved", 1);
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("acme-code-agent (id 7007): AI identity [production]");
    }

    @Test
    void productionsGateRefusesAReRun() throws Exception {
        github.replace(RUN, 200, FakeGithub.run(42, CAROL, user("dave", 1004, "User"), 2, SHA));
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", BOB, "", "production")));
        var r = run("production", "Check that two distinct humans approved", 2);
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("this is attempt 2 of run 42");
    }
}
