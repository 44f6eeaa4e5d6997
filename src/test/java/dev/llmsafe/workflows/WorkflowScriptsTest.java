package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflows' shell steps run for real in bash, with stand-ins for gcloud and pulumi on PATH that behave like
 * the real CLIs do in each case (missing bucket, bucket created by a concurrent job, stack that never existed).
 */
class WorkflowScriptsTest {
    @TempDir
    Path dir;

    private void fake(String name, String body) throws IOException {
        new ScriptSandbox(dir).fake(name, body);
    }

    private ScriptSandbox.Result bash(String script, Map<String, String> env) throws Exception {
        return new ScriptSandbox(dir).bash(script, env);
    }

    private void fakeGcloud(String createBehaviour) throws IOException {
        fake(
                "gcloud",
                String.join(
                        "\n",
                        "case \"$2 $3\" in",
                        "  'buckets describe') [ -f \"$STATE/bucket\" ] && { echo b; exit 0; }",
                        "     echo 'ERROR: (gcloud.storage.buckets.describe) HTTPError 404: The specified bucket does not exist.' >&2; exit 1 ;;",
                        "  'buckets create') " + createBehaviour + " ;;",
                        "  'buckets update') for a in \"$@\"; do case \"$a\" in --lifecycle-file=*) cp \"${a#*=}\" \"$STATE/lifecycle.json\" ;; esac; done; exit 0 ;;",
                        "esac"));
    }

    @Test
    void missingStateBucketIsCreatedHardenedThenFoundOnTheNextRun() throws Exception {
        fakeGcloud("touch \"$STATE/bucket\"; exit 0");
        var first = bash(".github/scripts/ensure-state-bucket.sh acme-state acme-shop EUROPE-WEST4", Map.of());
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.calls())
                .anySatisfy(c -> assertThat(c)
                        .contains(
                                "buckets create gs://acme-state",
                                "--uniform-bucket-level-access",
                                "--public-access-prevention",
                                "--location=EUROPE-WEST4"));
        assertThat(first.calls())
                .anySatisfy(c ->
                        assertThat(c).contains("buckets update gs://acme-state --versioning", "--lifecycle-file="));
        // The lifecycle rules are the ones StateBackend declares by default, so the platform stack can adopt it.
        assertThat(Files.readString(dir.resolve("lifecycle.json")).replaceAll("\\s+", ""))
                .contains(
                        "{\"action\":{\"type\":\"Delete\"},\"condition\":{\"daysSinceNoncurrentTime\":30,\"isLive\":false}}",
                        "{\"action\":{\"type\":\"Delete\"},\"condition\":{\"numNewerVersions\":20,\"isLive\":false}}");

        var second = bash(".github/scripts/ensure-state-bucket.sh acme-state acme-shop EUROPE-WEST4", Map.of());
        assertThat(second.exit()).isZero();
        assertThat(second.calls()).noneMatch(c -> c.contains("create"));
    }

    @Test
    void aBucketCreatedConcurrentlyByAnotherJobIsNotAnError() throws Exception {
        fakeGcloud(
                "echo 'HTTPError 409: Your previous request to create the named bucket succeeded and you already own it.' >&2; exit 1");
        var run = bash(".github/scripts/ensure-state-bucket.sh acme-state acme-shop EU", Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("created concurrently");
    }

    @Test
    void otherBucketErrorsStopTheJob() throws Exception {
        fakeGcloud("echo 'HTTPError 403: permission denied for storage.buckets.create' >&2; exit 1");
        var run = bash(".github/scripts/ensure-state-bucket.sh acme-state acme-shop EU", Map.of());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("cannot create state bucket gs://acme-state");
    }

    private String destroyStep() {
        for (var step : Workflows.job("pr-env.yml", "destroy").path("steps")) {
            if (step.path("name").asText().equals("Destroy the stack if it exists")) {
                return step.path("run").asText();
            }
        }
        throw new AssertionError("no destroy step");
    }

    @Test
    void destroyOfAStackThatNeverExistedIsACleanNoOp() throws Exception {
        fake(
                "pulumi",
                "[ \"$1 $2\" = 'stack ls' ] && { echo '[{\"name\":\"pr-70\"}]'; exit 0; }\n"
                        + "[ \"$1 $2\" = 'stack select' ] && { echo 'error: no stack named pr-7 found' >&2; exit 255; }\nexit 0");
        Path output = dir.resolve("github_output");
        var run = bash(destroyStep(), Map.of("STACK", "pr-7", "GITHUB_OUTPUT", output.toString()));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("never existed");
        assertThat(run.calls()).noneMatch(c -> c.startsWith("pulumi destroy"));
        assertThat(Files.readString(output)).contains("result=absent");
    }

    @Test
    void destroyOfAStackThatCannotBeListedFailsInsteadOfPassingForAbsent() throws Exception {
        // What the CLI does when the backend errors (no access, an unsupported state store): every command fails.
        fake(
                "pulumi",
                "echo \"error: state store unsupported: 'meta.yaml' version (99) is not supported\" >&2; exit 1");
        Path output = dir.resolve("github_output");
        var run = bash(destroyStep(), Map.of("STACK", "pr-7", "GITHUB_OUTPUT", output.toString()));
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("cannot tell whether stack pr-7 exists")
                .doesNotContain("never existed");
        assertThat(output).as("no result: the audit record says failed").doesNotExist();
    }

    @Test
    void destroyOfAnExistingStackRemovesIt() throws Exception {
        fake(
                "pulumi",
                "[ \"$1 $2\" = 'stack ls' ] && { echo '[{\"name\":\"pr-8\",\"current\":false}]'; exit 0; }\n"
                        + "exit 0");
        Path output = dir.resolve("github_output");
        var run = bash(destroyStep(), Map.of("STACK", "pr-8", "GITHUB_OUTPUT", output.toString()));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.calls()).contains("pulumi destroy --yes --remove --stack pr-8");
        assertThat(Files.readString(output)).contains("result=destroyed");
    }

    private String ciPolicyStep() {
        for (var step : Workflows.job("ci.yml", "policy").path("steps")) {
            if (step.path("run").asText().contains("policy check")) {
                return step.path("run").asText();
            }
        }
        throw new AssertionError("no policy step in ci.yml");
    }

    @Test
    void ciJudgesTheDiffOrTheWholeTreeWhenAPushHasNoBase() throws Exception {
        fake("java", "exit 0");
        var firstPush = bash(
                ciPolicyStep(),
                Map.of("BASE", "0000000000000000000000000000000000000000", "HEAD", "abc", "PR_LABELS", ""));
        assertThat(firstPush.exit()).as(firstPush.output()).isZero();
        assertThat(firstPush.calls())
                .singleElement()
                .asString()
                .contains("--all-files")
                .doesNotContain("--diff");
        var pullRequest = bash(ciPolicyStep(), Map.of("BASE", "def", "HEAD", "abc", "PR_LABELS", "ai-assisted,docs"));
        assertThat(pullRequest.calls())
                .singleElement()
                .asString()
                .contains("--diff def...abc", "--label ai-assisted --label docs");
    }

    @Test
    void theCheckerIsTheBasesRevisionAndTheHeadsOnlyWhenThereIsNoBase() throws Exception {
        String choose = Workflows.job("ci.yml", "policy")
                .path("steps")
                .get(0)
                .path("run")
                .asText();
        Path output = dir.resolve("github_output");
        var pullRequest = bash(choose, Map.of("BASE", "def", "HEAD", "abc", "GITHUB_OUTPUT", output.toString()));
        assertThat(pullRequest.exit()).as(pullRequest.output()).isZero();
        assertThat(Files.readAllLines(output)).containsExactly("sha=def");
        Files.delete(output);
        bash(
                choose,
                Map.of(
                        "BASE",
                        "0000000000000000000000000000000000000000",
                        "HEAD",
                        "abc",
                        "GITHUB_OUTPUT",
                        output.toString()));
        assertThat(Files.readAllLines(output)).containsExactly("sha=abc");
    }

    @Test
    void previewScriptsRunOnlyWhenPresentAndSaySo() throws Exception {
        Path status = dir.resolve("checks.env");
        var absent = bash(
                ".github/scripts/run-if-present.sh seed " + dir.resolve("none.sh") + " " + status,
                Map.of("PREVIEW_URL", "https://x"));
        assertThat(absent.exit()).isZero();
        assertThat(absent.output()).contains("does not exist, nothing to run");
        Path failing = Files.writeString(dir.resolve("t.sh"), "echo testing \"$PREVIEW_URL\"; exit 3\n");
        var failed = bash(
                ".github/scripts/run-if-present.sh tests " + failing + " " + status,
                Map.of("PREVIEW_URL", "https://x"));
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.output()).contains("testing https://x");
        assertThat(Files.readAllLines(status)).containsExactly("seed=absent", "tests=failed");
    }
}
