package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.comment.StepOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pr-env.yml's record job renders the evidence comment from what GitHub reported about the other jobs and steps,
 * run as a runner runs its steps, with upsert-comment.sh posting to a loopback stand-in of the issue comments API.
 * A preview that stopped early still gets its comment, saying which stages failed and which were never reached.
 */
class PreviewRecordStepTest {
    private static final String COMMENT_STEP = "Update the PR's evidence comment";
    private static final String OUTCOMES_STEP = "Write down how each stage ended";
    private static final String HASH = "7:" + "ab".repeat(32);

    @TempDir
    Path dir;

    private Path workspace;
    private Path evidence;
    private Path bin;
    private IssueCommentsStandIn github;

    @BeforeEach
    void start() throws IOException {
        workspace = Files.createDirectories(dir.resolve("workspace"));
        CliJar.write(workspace);
        Path scripts = Files.createDirectories(workspace.resolve(".github/scripts"));
        for (String script : new String[] {"comment-outcomes.sh", "upsert-comment.sh"}) {
            Files.copy(CliRun.projectDir().resolve(".github/scripts").resolve(script), scripts.resolve(script));
        }
        evidence = Files.createDirectories(RunnerStep.runnerTemp(workspace).resolve("evidence"));
        bin = Files.createDirectories(dir.resolve("bin"));
        reviewsApi("echo '[]'");
        github = new IssueCommentsStandIn("ghs_jobTokenFromTheGithubContext");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    /** The gh CLI the runner image has, standing in for GET /repos/OWNER/REPO/pulls/N/reviews. */
    private void reviewsApi(String body) throws IOException {
        Path gh = Files.writeString(bin.resolve("gh"), "#!/usr/bin/env bash\n" + body + "\n");
        assertThat(gh.toFile().setExecutable(true)).isTrue();
    }

    private RunnerStep commentStep(String previewJob, String checksJob, String auditStep) {
        return RunnerStep.of("pr-env.yml", "record", COMMENT_STEP)
                .github("api_url", github.url())
                .pullRequest(42)
                .onPath(bin)
                .needs("preview", previewJob)
                .needs("checks", checksJob)
                .needs("image", "success")
                .needs("program", "success")
                .outcome("audit", auditStep)
                .output("audit", "hash", "success".equals(auditStep) ? HASH : "");
    }

    private String postedComment() {
        assertThat(github.ids()).hasSize(1);
        return github.body(github.ids().get(0));
    }

    @Test
    void aPreviewJobThatFailedBeforeWritingAnythingStillGetsItsComment() throws Exception {
        var r = commentStep("failure", "skipped", "success").run(workspace);

        assertThat(r.exit()).as(r.output()).isZero();
        String body = postedComment();
        assertThat(body)
                .contains("| changes | step failed; see the job log |")
                .contains("| policy | step failed; see the job log |")
                .contains("| health | step failed; see the job log |")
                .contains("| seed and tests | not reached |")
                .contains("| audit record | `" + HASH + "` |");
    }

    @Test
    void aPreviewJobThatNeverRanReadsNotReachedEverywhere() throws Exception {
        var r = commentStep("skipped", "skipped", "success").run(workspace);

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(postedComment())
                .contains("| changes | not reached |")
                .contains("| policy | not reached |")
                .contains("| URL | not reached |")
                .doesNotContain("step failed");
    }

    @Test
    void theStagesThePreviewJobReportedAreShownAsItReportedThem() throws Exception {
        Path preview = RunnerStep.runnerTemp(dir.resolve("preview-job"));
        Path previewEvidence = Files.createDirectories(preview.resolve("evidence"));
        Files.copy(
                CliRun.projectDir().resolve("src/test/resources/comment/preview.json"),
                previewEvidence.resolve("preview.json"));
        Files.createDirectories(dir.resolve("preview-job"));
        var written = RunnerStep.of("pr-env.yml", "preview", OUTCOMES_STEP)
                .exported("EVIDENCE", previewEvidence.toString())
                .outcome("preview", "success")
                .outcome("policy", "failure")
                .outcome("deploy", "skipped")
                .outcome("outputs", "skipped")
                .outcome("verify", "skipped")
                .run(dir.resolve("preview-job"));
        assertThat(written.exit()).as(written.output()).isZero();
        assertThat(Files.readString(previewEvidence.resolve("outcomes.env")))
                .isEqualTo("preview=success\npolicy=failure\noutputs=skipped\nverify=skipped\n");
        // The artifact the record job downloads into its own evidence folder.
        for (String file : new String[] {"preview.json", "outcomes.env"}) {
            Files.copy(previewEvidence.resolve(file), evidence.resolve(file));
        }

        var r = commentStep("failure", "skipped", "success").run(workspace);

        assertThat(r.exit()).as(r.output()).isZero();
        String body = postedComment();
        assertThat(body)
                .contains("| policy | step failed; see the job log |")
                .contains("| URL | not reached |")
                .contains("| health | not reached |");
        assertThat(body).as("the preview's own evidence is rendered").containsPattern("\\| changes \\| [^|]*\\d");
    }

    @Test
    void aDeployThatFailedMakesItsOutputsAFailedStageNotAnUnreachedOne() throws Exception {
        Path previewEvidence = Files.createDirectories(dir.resolve("preview-evidence"));
        Files.createDirectories(dir.resolve("preview-job"));
        var written = RunnerStep.of("pr-env.yml", "preview", OUTCOMES_STEP)
                .exported("EVIDENCE", previewEvidence.toString())
                .outcome("preview", "success")
                .outcome("policy", "success")
                .outcome("deploy", "failure")
                .outcome("outputs", "skipped")
                .outcome("verify", "skipped")
                .run(dir.resolve("preview-job"));
        assertThat(written.exit()).as(written.output()).isZero();
        assertThat(Files.readString(previewEvidence.resolve("outcomes.env"))).contains("outputs=failure\n");
    }

    @Test
    void reviewsThatCouldNotBeReadAreSaidSoNotShownAsNone() throws Exception {
        reviewsApi("echo 'HTTP 502: Bad Gateway' >&2; exit 1");

        var r = commentStep("skipped", "skipped", "success").run(workspace);

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(postedComment()).contains("| approvals | step failed; see the job log |");
    }

    @Test
    void aResultGithubNeverReportsIsRefusedNotGuessed() throws Exception {
        var r = commentStep("", "skipped", "success").run(workspace);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("--outcome 'preview='").contains(StepOutcome.ids());
        assertThat(github.ids()).isEmpty();
    }
}
