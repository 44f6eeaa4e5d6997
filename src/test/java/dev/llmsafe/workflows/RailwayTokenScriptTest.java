package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .github/scripts/railway-token.sh} run in bash with only what a runner gives a step and the job's env, and a
 * stand-in {@code gcloud} on PATH that records its arguments and answers as the real one does: the secret's text,
 * or gcloud's own NOT_FOUND and PERMISSION_DENIED errors.
 */
class RailwayTokenScriptTest {
    private static final String SCRIPT = ".github/scripts/railway-token.sh";
    private static final String PROJECT = "acme-shop-prod";
    private static final String NOT_FOUND = "ERROR: (gcloud.secrets.versions.access) NOT_FOUND: Secret "
            + "[projects/123456789012/secrets/review-railway-token] not found or has no versions.";
    private static final String PERMISSION_DENIED = "ERROR: (gcloud.secrets.versions.access) PERMISSION_DENIED: "
            + "Permission 'secretmanager.versions.access' denied for resource "
            + "'projects/acme-shop-prod/secrets/review-railway-token/versions/latest' (or it may not exist).";

    @TempDir
    Path dir;

    private record Result(int exit, String output, List<String> calls, String githubEnv) {}

    /** A gcloud that prints {@code stdout} and {@code stderr} and exits with {@code exit}. */
    private void gcloud(String stdout, String stderr, int exit) throws IOException {
        Files.writeString(dir.resolve("gcloud.out"), stdout);
        Files.writeString(dir.resolve("gcloud.err"), stderr);
        new ScriptSandbox(dir).fake("gcloud", "cat \"$STATE/gcloud.out\"; cat \"$STATE/gcloud.err\" >&2; exit " + exit);
    }

    private Result run(String... args) throws Exception {
        Path githubEnv = Files.writeString(dir.resolve("github_env"), "");
        var run = new ScriptSandbox(dir)
                .bashOnRunner(
                        SCRIPT + " " + String.join(" ", args),
                        Map.of("GITHUB_ENV", githubEnv.toString(), "GCP_PROJECT", PROJECT));
        return new Result(run.exit(), run.output(), run.calls(), Files.readString(githubEnv));
    }

    @Test
    void theTokenIsMaskedThenHandedToLaterSteps() throws Exception {
        gcloud("rw_2f6c1a9e-token\n", "", 0);
        var run = run("review");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.calls())
                .containsExactly(
                        "gcloud secrets versions access latest --secret=review-railway-token --project=" + PROJECT);
        assertThat(run.output()).startsWith("::add-mask::rw_2f6c1a9e-token\n");
        assertThat(run.githubEnv()).isEqualTo("RAILWAY_TOKEN=rw_2f6c1a9e-token\n");
    }

    @Test
    void aMissingSecretFailsARailwayDeployNamingTheSecretAndTheFix() throws Exception {
        gcloud("", NOT_FOUND + "\n", 1);
        for (Result run : List.of(run("review"), run("review", "railway"))) {
            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output())
                    .contains(
                            "::error::",
                            "review-railway-token",
                            PROJECT,
                            "railway-token",
                            "deployerSecretNames",
                            "pulumi up -s platform",
                            "gcloud secrets versions add review-railway-token --data-file=- --project " + PROJECT);
            assertThat(run.githubEnv()).isEmpty();
        }
    }

    @Test
    void aCloudRunDeployGoesOnWithoutTheSecretAndSaysSo() throws Exception {
        gcloud("", "WARNING: This command is using service account impersonation.\n" + NOT_FOUND + "\n", 1);
        var run = run("production", "cloudrun");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("::notice::", "production-railway-token");
        assertThat(run.githubEnv()).isEmpty();
    }

    @Test
    void anyOtherErrorFailsWithGcloudsMessageWhateverTheTarget() throws Exception {
        gcloud("", PERMISSION_DENIED + "\n", 1);
        for (Result run : List.of(run("review"), run("review", "cloudrun"))) {
            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("::error::", "review-railway-token", PERMISSION_DENIED);
            assertThat(run.githubEnv()).isEmpty();
        }
        gcloud(
                "",
                "ERROR: (gcloud.secrets.versions.access) There was a problem refreshing your current auth "
                        + "tokens: ('Unable to acquire impersonated credentials')\n",
                1);
        var offline = run("staging", "cloudrun");
        assertThat(offline.exit()).isEqualTo(1);
        assertThat(offline.output()).contains("Unable to acquire impersonated credentials");
    }

    @Test
    void aTokenThatCouldInjectVariablesOrIsEmptyIsRefusedUnprinted() throws Exception {
        gcloud("rw_first\nLD_PRELOAD=/tmp/evil.so\n", "", 0);
        var injected = run("review");
        assertThat(injected.exit()).isEqualTo(1);
        assertThat(injected.output())
                .contains("review-railway-token", "line break")
                .doesNotContain("rw_first", "evil");
        assertThat(injected.githubEnv()).isEmpty();

        gcloud("", "", 0);
        var empty = run("review");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.output()).contains("review-railway-token", "empty");
        assertThat(empty.githubEnv()).isEmpty();
    }

    @Test
    void anUnknownTargetIsAUsageError() throws Exception {
        gcloud("tok\n", "", 0);
        var run = run("review", "heroku");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("heroku", "railway", "cloudrun");
        assertThat(run.calls()).isEmpty();
        assertThat(run.githubEnv()).isEmpty();
    }
}
