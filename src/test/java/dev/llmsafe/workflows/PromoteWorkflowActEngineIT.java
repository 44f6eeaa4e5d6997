package dev.llmsafe.workflows;

import static dev.llmsafe.gate.FakeGithub.approval;
import static dev.llmsafe.gate.FakeGithub.commit;
import static dev.llmsafe.gate.FakeGithub.list;
import static dev.llmsafe.gate.FakeGithub.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.audit.FakeGcsServer;
import dev.llmsafe.gate.FakeGithub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promote.yml run end to end by act for a push to main: the build job builds once, staging's gate passes on one
 * human's approval read from the REST stand-in, and staging then stops at its first Google call (sts.googleapis.com),
 * so production and its first approval never run; the promotion's audit record is written all the same. The build
 * job's {@code ./mvnw -B verify} would run the suite this test is part of, so this run adds {@code -DskipTests} to
 * {@link ActSandbox#MAVEN_ARGS} and builds the same jar without running the tests.
 */
class PromoteWorkflowActEngineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = ActSandbox.OWNER + "/" + ActSandbox.REPO;
    private static final String ALICE = user("alice", 1001, "User");
    private static final String CAROL = user("carol", 1003, "User");
    private static final String FRANK = user("frank", 1006, "User");

    private FakeGithub github;
    private FakeGcsServer gcs;
    private ActSandbox act;

    @BeforeEach
    void start(@TempDir Path tmp) throws Exception {
        github = new FakeGithub();
        gcs = new FakeGcsServer();
        act = new ActSandbox(tmp, github.url(), gcs.endpoint());
    }

    @AfterEach
    void stop() {
        act.close();
        gcs.close();
        github.close();
    }

    @Test
    void aPushToMainBuildsOncePassesStagingsGateThenStopsAtGoogle() throws Exception {
        String sha = act.onMain();
        long runId = act.nextRunId();
        String run = "/repos/" + REPO + "/actions/runs/" + runId;
        github.on(run, 200, FakeGithub.run(runId, CAROL, CAROL, 1, sha));
        github.on(run + "/approvals?per_page=100", 200, list(approval("approved", ALICE, "", "staging")));
        var frank = new FakeGithub.Git("Frank", "frank@acme.example", FRANK);
        github.change(REPO, sha, commit(sha, frank, frank), 12, FRANK, commit(sha, frank, frank));

        act.env("MAVEN_ARGS", ActSandbox.MAVEN_ARGS + " -DskipTests");
        ActResult result = act.run("promote.yml", "push", push(sha));

        assertThat(result.jobs())
                .as(result.describe())
                .containsEntry("build", "success")
                .containsEntry("staging", "failure")
                .containsEntry("production-approval", "skipped")
                .containsEntry("production", "skipped");
        assertThat(result.step("build", "Build and test")).isEqualTo("success");
        assertThat(result.step("staging", "Check that a human approved this deployment"))
                .as(result.printed("staging"))
                .isEqualTo("success");
        assertThat(result.printed("staging")).contains("PASSED");
        assertThat(github.requests())
                .as("the gate read the run's approvals with the job's token")
                .anySatisfy(r -> assertThat(r.pathAndQuery()).isEqualTo(run + "/approvals?per_page=100"))
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + ActSandbox.TOKEN));
        assertThat(result.stepsOf("staging"))
                .contains(
                        "Install the Pulumi CLI=success",
                        "Authenticate to Google Cloud (Workload Identity Federation)=success");
        assertThat(result.step("staging", "Read the Railway token from Secret Manager"))
                .isEqualTo("failure");
        assertThat(result.printed("staging"))
                .as("why the Railway token could not be read")
                .contains("sts.googleapis.com");
        assertThat(result.step("staging", "Deploy")).isEqualTo("skipped");
        assertThat(result.step("staging", "Record the promotion in the audit log"))
                .as(result.printed("staging"))
                .isEqualTo("success");
        assertThat(gcs.objects().entrySet())
                .as("the audit record of the failed promotion")
                .anySatisfy(e -> assertThat(new String(e.getValue().content(), StandardCharsets.UTF_8))
                        .contains("promotion")
                        .contains("\"stack\":\"staging\"")
                        .contains("\"outcome\":\"failure\""));
    }

    /** A push event for main, as GitHub delivers it. */
    private static ObjectNode push(String sha) {
        ObjectNode event = JSON.createObjectNode()
                .put("ref", "refs/heads/main")
                .put("after", sha)
                .put("before", "0000000000000000000000000000000000000000");
        event.putObject("repository")
                .put("full_name", REPO)
                .put("name", ActSandbox.REPO)
                .put("default_branch", "main")
                .putObject("owner")
                .put("login", ActSandbox.OWNER);
        event.putObject("pusher").put("name", "carol");
        event.putObject("head_commit").put("id", sha);
        return event;
    }
}
