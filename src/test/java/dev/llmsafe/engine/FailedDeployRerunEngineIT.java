package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.components.CodeOwnersFile;
import dev.llmsafe.engine.GithubStandIn.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy that fails half-way (GitHub refuses one request) and its re-run, as "Re-run failed jobs" does it: a
 * fresh runner, a new checkout, the workflow's own Deploy step on the same state. The failed run must leave the
 * stack usable (no lock, what was created recorded), and the re-run must finish the job without creating twice
 * what the failed run created.
 */
class FailedDeployRerunEngineIT {
    private static final String WORKFLOW = "pr-env.yml";
    private static final String JOB = "preview";
    private static final String RULESETS = "/repos/{owner}/{repo}/rulesets";
    private static final Map<String, Object> CONFIG = GovernanceConfig.config(1001, List.of("build"));

    @TempDir
    Path tmp;

    private GithubStandIn github;
    private EngineSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        github = new GithubStandIn(GovernanceConfig.OWNER, GovernanceConfig.REPO, 2000);
        sandbox = GovernanceProject.initialised(tmp, github, WORKFLOW, CONFIG)
                .env("STACK", GovernanceProject.STACK)
                .stepExports(WORKFLOW, JOB, "Name the stack's files");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aReRunOfAFailedDeployFinishesItWithoutCreatingAnythingTwice() throws Exception {
        // A refusal the provider does not retry: GitHub's answer to a ruleset it will not accept.
        ObjectNode refusal = GithubStandIn.error("Validation Failed");
        refusal.putArray("errors").add("Invalid rule 'pull_request': temporarily unavailable");
        github.fail("POST", RULESETS, 1, Reply.json(422, refusal));

        var failed = sandbox.step(WORKFLOW, JOB, "Deploy");

        assertThat(failed.process().exit())
                .as("the deploy fails when GitHub refuses the ruleset")
                .isNotZero();
        assertThat(failed.process().output()).contains("422");
        assertThat(sandbox.locks())
                .as("a failed (not killed) up releases the stack's lock")
                .isEmpty();
        assertThat(github.repositoryApi.rulesetCount()).isZero();
        assertThat(github.contents.content(CodeOwnersFile.PATH))
                .as("the failed run got as far as CODEOWNERS")
                .isNotNull();
        assertThat(github.unknown()).isEmpty();

        github.clearRequests();
        sandbox.freshRunner();
        GovernanceProject.write(sandbox, CONFIG);
        var rerun = sandbox.step(WORKFLOW, JOB, "Deploy");

        assertThat(rerun.process().exit()).as(rerun.process().output()).isZero();
        assertThat(github.unknown()).isEmpty();
        var requests = new GovernanceRequests(github.requests());
        assertThat(requests.bodies("POST", rulesetsPath()))
                .as("the re-run creates the ruleset the failed run could not")
                .hasSize(1);
        assertThat(github.repositoryApi.rulesetCount()).isOne();
        assertThat(requests.withMethod("PUT"))
                .as("what the failed run created is not written again")
                .isEmpty();
        assertThat(requests.withMethod("DELETE")).as("nothing is replaced").isEmpty();
        GovernanceProject.pulumi(sandbox, github, "preview", "--refresh", "--expect-no-changes", "--non-interactive");
    }

    private static String rulesetsPath() {
        return "/repos/" + GovernanceConfig.OWNER + "/" + GovernanceConfig.REPO + "/rulesets";
    }
}
