package dev.llmsafe.cli;

import static dev.llmsafe.cli.GateHarness.ALICE;
import static dev.llmsafe.cli.GateHarness.APPROVALS;
import static dev.llmsafe.cli.GateHarness.BOB;
import static dev.llmsafe.cli.GateHarness.CAROL;
import static dev.llmsafe.cli.GateHarness.DAVE;
import static dev.llmsafe.gate.FakeGithub.approval;
import static dev.llmsafe.gate.FakeGithub.list;
import static dev.llmsafe.gate.FakeGithub.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code llmsafe gate approvals} against a local server answering like GitHub's REST API: whose approval counts
 * towards the verdict. How the command reads the API, and refuses what is no verdict, is {@link
 * GateApprovalsRestApiTest}.
 */
class GateApprovalsCommandTest extends GateApprovalsFixture {
    @Test
    void twoDistinctHumansPass() {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "ok", "production-approval"),
                        approval("approved", BOB, "ship it", "production")));
        GateHarness.Result r = gate();
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("PASSED")
                .contains("alice (id 1001): approved production-approval")
                .contains("bob (id 1002): approved production");
        assertThat(github.requests()).allSatisfy(q -> {
            assertThat(q.authorization()).isEqualTo("Bearer ghs_test");
            assertThat(q.accept()).isEqualTo("application/vnd.github+json");
            assertThat(q.apiVersion()).isEqualTo("2022-11-28");
        });
    }

    @Test
    void oneHumanApprovingBothEnvironmentsIsOnePerson() {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", user("Alice", 1001, "User"), "", "production")));
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out())
                .contains("FAILED")
                .contains("alice (id 1001): approved production-approval, production")
                .contains("1 distinct human approved; 2 required");
    }

    @Test
    void theRunsOwnActorsDoNotCount() {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", DAVE, "", "production"),
                        approval("approved", CAROL, "", "production")));
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out())
                .contains("dave (id 1004): triggered this run [production]")
                .contains("carol (id 1003): started this run (its actor) [production]")
                .contains("no counted human approved environment production");
    }

    @Test
    void botsNeverCountByTypeOrByLogin() {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", user("release-helper", 5, "Bot"), "", "production"),
                        approval("approved", user("deployer[bot]", 6, "User"), "", "production")));
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out())
                .contains("release-helper (id 5): bot account")
                .contains("deployer[bot] (id 6): bot account");
    }

    @Test
    void aConfiguredAiIdentityNeverCounts() {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", user("Acme-Code-Agent", 77, "User"), "lgtm", "production")));
        GateHarness.Result r = gate("--ai-identities", "someone-else, acme-code-agent");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("Acme-Code-Agent (id 77): AI identity [production]");
        assertThat(gate().exit())
                .as("without the AI list the same login counts as a person")
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void thePolicyFilesAiIdentitiesNeverCountEither(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", user("Acme-Code-Agent", 77, "User"), "lgtm", "production")));
        var policy = java.nio.file.Files.writeString(dir.resolve("policy.yaml"), "aiIdentities: [acme-code-agent]\n");
        GateHarness.Result r = gate("--policy", policy.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("Acme-Code-Agent (id 77): AI identity [production]");
        var broken = java.nio.file.Files.writeString(dir.resolve("broken.yaml"), "aiIdentities: {not: a list}\n");
        assertThat(gate("--policy", broken.toString()).exit())
                .as("a bad policy file is no verdict")
                .isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aRejectionInAListedEnvironmentFails() {
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", BOB, "", "production"),
                        approval("rejected", user("erin", 1005, "User"), "not during the freeze", "production")));
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("erin (id 1005) rejected production: \"not during the freeze\"");
    }

    @Test
    void approvalsOfOtherEnvironmentsDoNotCount() {
        github.on(
                APPROVALS,
                200,
                list(approval("approved", ALICE, "", "staging"), approval("approved", BOB, "", "production")));
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("alice (id 1001): approved only environments not checked [staging]");
    }

    @Test
    void noApprovalsAtAllFailClosedAndPointAtThePlanLimits() {
        github.on(APPROVALS, 200, "[]");
        GateHarness.Result r = gate("--environments", "staging", "--min-humans", "1");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("no approvals are recorded").contains("Free, Pro and Team");
    }
}
