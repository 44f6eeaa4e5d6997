package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.audit.FakeGcsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * pr-env.yml run end to end by act for the events GitHub sends it: which jobs run or skip is GitHub's own reading of
 * the {@code if:}s, and what a run leaves behind is what the REST stand-in was asked (the evidence comment) and
 * what the audit buckets hold. Every credentialed job stops at its first Google call, at sts.googleapis.com, so no
 * stack is ever created; the other engine tests cover the steps after it one by one. Synchronize and labeled run
 * only the image job ({@code -j image}), whose {@code if:} every other job of an open pull request shares, to keep
 * the Maven builds of the program to the two runs that need them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewWorkflowActEngineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JOBS =
            List.of("program", "image", "preview", "checks", "policy", "record", "destroy");
    private static final String MARKER = "<!-- llmsafe:evidence -->";

    private IssueCommentsStandIn github;
    private FakeGcsServer gcs;
    private ActSandbox act;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        github = new IssueCommentsStandIn(ActSandbox.TOKEN);
        gcs = new FakeGcsServer();
        act = new ActSandbox(tmp, github.url(), gcs.endpoint());
    }

    @AfterAll
    void stop() {
        act.close();
        gcs.close();
        github.close();
    }

    @Test
    void openedBuildsTheProgramThenStopsAtGoogleAndStillRecordsAndComments() throws Exception {
        ActResult run = act.run("pr-env.yml", "pull_request", event("opened", 7, "open", List.of()));

        assertThat(run.jobs())
                .as(run.describe())
                .containsEntry("program", "success")
                .containsEntry("image", "success")
                .containsEntry("preview", "failure")
                .containsEntry("policy", "failure")
                .containsEntry("destroy", "skipped");
        assertStopsAtGoogle(run, "preview", "Make sure the state bucket exists", "Log in to the state backend");
        assertThat(run.stepsOf("preview"))
                .as(run.describe())
                .contains(
                        "Install the Pulumi CLI=success",
                        "Authenticate to Google Cloud (Workload Identity Federation)=success",
                        "Write down how each stage ended=success");
        // The judge runs although the preview failed, and fails: no preview reached it.
        assertThat(run.step("policy", "Build the base revision's checker")).isEqualTo("success");
        assertThat(run.step("policy", "Fetch the preview")).isEqualTo("failure");
        assertThat(run.step("record", "Update the PR's evidence comment"))
                .as(run.printed("record"))
                .isEqualTo("success");

        assertThat(audit())
                .as("the audit record of the failed deploy")
                .anySatisfy(r -> assertThat(r)
                        .contains("preview.deployed")
                        .contains("\"stack\":\"pr-7\"")
                        .contains("\"outcome\":\"failure\""));
        // The stages the preview job never reached read so, not as failures of their own; gh is not on this host,
        // so the record job's read of the reviews fails and the comment says that instead of "no approvals".
        assertThat(onlyComment(7))
                .startsWith(MARKER)
                .contains("### Preview `pr-7`: not deployed")
                .contains("| URL | not reached |")
                .contains("| changes | not reached |")
                .contains("| policy | not reached |")
                .contains("| seed and tests | not reached |")
                .contains("| approvals | step failed; see the job log |")
                .containsPattern("\\| audit record \\| `\\d+:[0-9a-f]{64}` \\|");
    }

    @Test
    void closedDestroysFromTheBaseProgramAndSaysSoInTheComment() throws Exception {
        ActResult run = act.run("pr-env.yml", "pull_request", event("closed", 8, "closed", List.of()));

        assertThat(run.jobs())
                .as(run.describe())
                .containsEntry("program", "success")
                .containsEntry("destroy", "failure");
        for (String job : List.of("image", "preview", "checks", "policy", "record")) {
            assertThat(run.job(job)).as(job + ": " + run.describe()).isEqualTo("skipped");
        }
        assertStopsAtGoogle(
                run, "destroy", "Read the Railway token from Secret Manager", "Destroy the stack if it exists");
        assertThat(run.step("destroy", "Record the destroy in the audit log"))
                .as(run.printed("destroy"))
                .isEqualTo("success");
        assertThat(audit())
                .anySatisfy(r -> assertThat(r)
                        .contains("preview.destroyed")
                        .contains("\"stack\":\"pr-8\"")
                        .contains("\"result\":\"failed\""));
        assertThat(onlyComment(8))
                .startsWith(MARKER)
                .contains("### Preview `pr-8`: removed")
                .contains("Destroying the preview failed; see the job log");
    }

    @Test
    void synchronizeAndLabeledRunTheJobsOfAnOpenPullRequest() throws Exception {
        for (String action : List.of("synchronize", "labeled")) {
            ActResult run = act.run(
                    "pr-env.yml", "pull_request", event(action, 9, "open", List.of("allow-public")), "-j", "image");
            assertThat(run.jobs())
                    .as(action + ": " + run.describe())
                    .containsOnlyKeys("image")
                    .containsEntry("image", "success");
        }
    }

    @Test
    void aLabelOnAClosedPullRequestRunsNothing() throws Exception {
        ActResult run = act.run("pr-env.yml", "pull_request", event("labeled", 10, "closed", List.of("allow-public")));

        assertThat(run.exit()).as(run.describe()).isZero();
        for (String job : JOBS) {
            assertThat(run.job(job)).as(job + ": " + run.describe()).isEqualTo("skipped");
        }
        assertThat(github.requests()).noneMatch(r -> r.path().contains("/issues/10/"));
    }

    /** The job ran every step up to {@code step}, which failed at sts.googleapis.com; {@code next} was skipped. */
    private static void assertStopsAtGoogle(ActResult run, String job, String step, String next) {
        assertThat(run.step(job, step)).as(run.describe()).isEqualTo("failure");
        assertThat(run.printed(job)).as("why " + step + " failed").contains("sts.googleapis.com");
        assertThat(run.step(job, next)).as(run.describe()).isEqualTo("skipped");
    }

    private List<String> audit() {
        return gcs.objects().entrySet().stream()
                .filter(e -> e.getKey().startsWith("acme-audit/"))
                .map(e -> new String(e.getValue().content(), StandardCharsets.UTF_8))
                .toList();
    }

    private String onlyComment(int pr) {
        List<IssueCommentsStandIn.Request> posts = github.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/issues/" + pr + "/comments"))
                .toList();
        assertThat(posts)
                .as("comments created on #" + pr + ": " + github.requests())
                .hasSize(1);
        assertThat(posts.get(0).authorization()).isEqualTo("Bearer " + ActSandbox.TOKEN);
        return posts.get(0).body().path("body").asText();
    }

    /** A pull_request event from a branch of this repository (not a fork), as GitHub delivers it. */
    private ObjectNode event(String action, int number, String state, List<String> labels) throws Exception {
        String head = act.head("pr-" + number, "README.md", "\nA change from pull request " + number + ".\n");
        String base = act.base();
        ObjectNode event = JSON.createObjectNode().put("action", action).put("number", number);
        ObjectNode pr = event.putObject("pull_request").put("number", number).put("state", state);
        var labelled = pr.putArray("labels");
        labels.forEach(l -> labelled.addObject().put("name", l));
        pr.putObject("head")
                .put("sha", head)
                .put("ref", "pr-" + number)
                .putObject("repo")
                .put("full_name", ActSandbox.OWNER + "/" + ActSandbox.REPO);
        pr.putObject("base")
                .put("sha", base)
                .put("ref", "main")
                .putObject("repo")
                .put("full_name", ActSandbox.OWNER + "/" + ActSandbox.REPO);
        event.putObject("repository")
                .put("full_name", ActSandbox.OWNER + "/" + ActSandbox.REPO)
                .put("name", ActSandbox.REPO)
                .putObject("owner")
                .put("login", ActSandbox.OWNER);
        return event;
    }
}
