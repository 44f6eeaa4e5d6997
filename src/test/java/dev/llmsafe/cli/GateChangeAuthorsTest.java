package dev.llmsafe.cli;

import static dev.llmsafe.cli.GateHarness.ALICE;
import static dev.llmsafe.cli.GateHarness.APPROVALS;
import static dev.llmsafe.cli.GateHarness.BOB;
import static dev.llmsafe.cli.GateHarness.CAROL;
import static dev.llmsafe.cli.GateHarness.DAVE;
import static dev.llmsafe.cli.GateHarness.FRANK;
import static dev.llmsafe.cli.GateHarness.FRANK_GIT;
import static dev.llmsafe.cli.GateHarness.RUN;
import static dev.llmsafe.gate.FakeGithub.SHA;
import static dev.llmsafe.gate.FakeGithub.approval;
import static dev.llmsafe.gate.FakeGithub.commit;
import static dev.llmsafe.gate.FakeGithub.list;
import static dev.llmsafe.gate.FakeGithub.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.gate.FakeGithub;
import dev.llmsafe.gate.FakeGithub.Git;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate never counts whoever wrote the change, and refuses a re-run when asked to. */
class GateChangeAuthorsTest {
    private static final String PR_COMMITS = "/repos/acme/shop/pulls/12/commits?per_page=100";
    private GateHarness harness;

    @BeforeEach
    void start() throws IOException {
        harness = new GateHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private void approvals(String... approvals) {
        harness.github.on(APPROVALS, 200, list(approvals));
    }

    @Test
    void thePullRequestsAuthorNeverCounts() {
        approvals(
                approval("approved", ALICE, "", "production-approval"), approval("approved", FRANK, "", "production"));
        GateHarness.Result r = harness.gate();
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out())
                .contains("frank (id 1006): wrote the change (author of commit 5c3f0d9) [production]")
                .contains("no counted human approved environment production")
                .contains("wrote the change, so never counted")
                .contains("web-flow (id 19864447): committer of commit");
        assertThat(harness.github.requests())
                .extracting(FakeGithub.Request::pathAndQuery)
                .contains(
                        "/repos/acme/shop/commits/" + SHA,
                        "/repos/acme/shop/commits/" + SHA + "/pulls?per_page=100",
                        PR_COMMITS);
    }

    @Test
    void aCommitterOfAnyOfThePullRequestsCommitsNeverCounts() {
        Git erin = new Git("Erin", "erin@acme.example", user("erin", 1005, "User"));
        harness.github.replace(
                PR_COMMITS, 200, list(commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", FRANK_GIT, erin)));
        approvals(
                approval("approved", ALICE, "", "production-approval"),
                approval("approved", user("Erin", 1005, "User"), "", "production"));
        GateHarness.Result r = harness.gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("Erin (id 1005): wrote the change (committer of commit a1b2c3d) [production]");
    }

    @Test
    void reviewersWhoWroteNothingStillPass() {
        approvals(approval("approved", ALICE, "", "production-approval"), approval("approved", BOB, "", "production"));
        GateHarness.Result r = harness.gate();
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anAuthorGithubLinksToNoAccountFailsTheGateUnlessItIsAnAgent() {
        Git unlinked = new Git("Jane Doe", "jane@contractor.example", "null");
        harness.github.replace(
                PR_COMMITS, 200, list(commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", unlinked, FRANK_GIT)));
        approvals(approval("approved", ALICE, "", "production-approval"), approval("approved", BOB, "", "production"));
        GateHarness.Result r = harness.gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out())
                .contains("Jane Doe <jane@contractor.example> (author of commit a1b2c3d) is linked to no "
                        + "GitHub account");

        Git agent = new Git("Claude", "noreply@anthropic.com", "null");
        harness.github.replace(
                PR_COMMITS, 200, list(commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", agent, FRANK_GIT)));
        GateHarness.Result withAgent = harness.gate();
        assertThat(withAgent.exit())
                .as("an agent has no account to approve with: " + withAgent.out())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void aDirectPushIsJudgedByItsCommitAlone() throws IOException {
        try (GateHarness direct = new GateHarness()) {
            String sha = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
            direct.github.replace(RUN, 200, FakeGithub.run(42, CAROL, DAVE, 1, sha));
            Git bob = new Git("Bob", "bob@acme.example", BOB);
            direct.github.change("acme/shop", sha, commit(sha, bob, bob), 0, null);
            direct.github.on(
                    APPROVALS,
                    200,
                    list(
                            approval("approved", ALICE, "", "production-approval"),
                            approval("approved", BOB, "", "production")));
            GateHarness.Result r = direct.gate();
            assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.out()).contains("bob (id 1002): wrote the change (author of commit 9f8e7d6)");
        }
    }

    @Test
    void aPullRequestWithMoreCommitsThanGithubListsFails() {
        List<String> commits = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            commits.add(commit(String.format("%040x", i + 1), FRANK_GIT, FRANK_GIT));
        }
        harness.github.replace(PR_COMMITS, 200, list(commits.toArray(String[]::new)));
        approvals(approval("approved", ALICE, "", "production-approval"), approval("approved", BOB, "", "production"));
        GateHarness.Result r = harness.gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("pull request #12 has 250 or more commits");
    }

    @Test
    void anUnreadableCommitIsNoVerdict() {
        harness.github.replace("/repos/acme/shop/commits/" + SHA, 404, "{\"message\":\"No commit found for SHA\"}");
        approvals(approval("approved", ALICE, "", "production-approval"), approval("approved", BOB, "", "production"));
        GateHarness.Result r = harness.gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("No commit found for SHA").contains("does not pass");
    }

    @Test
    void aReRunIsRefusedWhenOnlyFirstAttemptsMayDeploy() {
        // Attempt 2: erin re-ran it and bob approved again; alice's approval was given to attempt 1.
        harness.github.replace(RUN, 200, FakeGithub.run(42, CAROL, user("erin", 1005, "User"), 2, SHA));
        approvals(approval("approved", ALICE, "", "production-approval"), approval("approved", BOB, "", "production"));
        GateHarness.Result refused = harness.gate("--first-attempt-only");
        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.out()).contains("this is attempt 2 of run 42").contains("A re-run of production");
        assertThat(harness.gate().exit()).as("staging takes re-runs").isEqualTo(ExitCodes.OK);
    }

    @Test
    void aFirstAttemptPassesWithFirstAttemptOnly() {
        approvals(approval("approved", ALICE, "", "production-approval"), approval("approved", BOB, "", "production"));
        assertThat(harness.gate("--first-attempt-only").exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aRunWithoutItsAttemptOrCommitIsNoVerdict() {
        harness.github.replace(RUN, 200, "{\"id\":42,\"actor\":" + CAROL + ",\"triggering_actor\":" + DAVE + "}");
        GateHarness.Result r = harness.gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("a run without a run_attempt");
    }
}
