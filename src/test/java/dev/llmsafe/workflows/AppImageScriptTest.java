package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * app-image.sh in bash with stand-ins for docker (an image store, and a registry that answers a push with the
 * content's digest, as `docker push` and `docker image inspect` report it), gcloud and pulumi's config.
 */
class AppImageScriptTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String REPOSITORY = "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop";

    @TempDir
    Path dir;

    private ScriptSandbox sandbox;
    private Map<String, String> env;

    @BeforeEach
    void tools() throws Exception {
        sandbox = new ScriptSandbox(dir);
        sandbox.fake(
                "docker",
                String.join(
                        "\n",
                        "img() { echo \"$STATE/images/$(echo \"$1\" | tr '/:' '__')\"; }",
                        "mkdir -p \"$STATE/images\"",
                        "case \"$1\" in",
                        "  build) tag=''; arg=''; while [ $# -gt 0 ]; do case \"$1\" in --tag) tag=$2 ;; --build-arg) arg=$2 ;; esac; shift; done",
                        "     echo \"$arg\" > \"$(img \"$tag\")\" ;;",
                        "  save) cp \"$(img \"$4\")\" \"$3\"; echo \"$4\" >> \"$3\" ;;",
                        "  load) tag=$(tail -n 1 \"$3\"); head -n 1 \"$3\" > \"$(img \"$tag\")\"; echo \"Loaded image: $tag\" ;;",
                        "  tag) cp \"$(img \"$2\")\" \"$(img \"$3\")\" ;;",
                        "  login) cat > \"$STATE/registry-password\"; echo 'Login Succeeded' ;;",
                        "  push) [ -s \"$STATE/registry-password\" ] || { echo 'unauthorized' >&2; exit 1; }",
                        "     d=sha256:$(sha256sum \"$(img \"$2\")\" | cut -c1-64); echo \"${2%:*}@$d\" > \"$(img \"$2\").digest\"",
                        "     echo \"The push refers to repository [${2%:*}]\"; echo \"${2##*:}: digest: $d size: 528\" ;;",
                        "  image) if [ \"$2\" = inspect ] && [ \"$3\" = --format ]; then echo \"[\\\"$(cat \"$(img \"$5\").digest\")\\\"]\";",
                        "     else [ -f \"$(img \"$3\")\" ]; fi ;;",
                        "esac"));
        sandbox.fake("gcloud", "[ \"$1 $2\" = 'auth print-access-token' ] && echo ya29.short-lived");
        sandbox.fake(
                "pulumi",
                String.join(
                        "\n",
                        "if [ \"$1 $2\" = 'config get' ]; then",
                        "  [ -f \"$STATE/image-config\" ] && { cat \"$STATE/image-config\"; exit 0; }",
                        "  echo \"error: configuration key 'llm-safe:image' not found for stack '$4'\" >&2; exit 255",
                        "fi"));
        env = new HashMap<>(Map.of(
                "IMAGE_VERSION",
                SHA,
                "IMAGE_ARCHIVE",
                dir.resolve("image/app-image.tar").toString(),
                "GITHUB_OUTPUT",
                dir.resolve("github_output").toString()));
    }

    private ScriptSandbox.Result build(Path context) throws Exception {
        env.put("APP_DOCKERFILE", context.resolve("Dockerfile").toString());
        env.put("APP_BUILD_CONTEXT", context.toString());
        return sandbox.bash(".github/scripts/app-image.sh build", env);
    }

    @Test
    void theImageIsBuiltWithItsCommitAsAppVersionPushedAndRunByTheDigestTheRegistryGave() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM scratch\nARG APP_VERSION\nENV APP_VERSION=$APP_VERSION\n");
        var built = build(app);
        assertThat(built.exit()).as(built.output()).isZero();
        assertThat(built.calls().get(0)).contains("build --build-arg APP_VERSION=" + SHA, "--tag llmsafe-app:" + SHA);
        assertThat(Files.readString(dir.resolve("github_output"))).contains("built=true");
        assertThat(dir.resolve("image/app-image.tar")).exists();

        Files.delete(dir.resolve("github_output"));
        Files.writeString(dir.resolve("image-config"), REPOSITORY);
        var pushed = sandbox.bash(".github/scripts/app-image.sh push pr-7 Pulumi.pr-7.yaml", env);

        assertThat(pushed.exit()).as(pushed.output()).isZero();
        assertThat(pushed.calls()).contains("docker push " + REPOSITORY + ":" + SHA);
        assertThat(pushed.calls())
                .as("the access token goes through stdin, never the command line")
                .noneMatch(c -> c.contains("ya29"));
        assertThat(Files.readString(dir.resolve("registry-password")).strip()).isEqualTo("ya29.short-lived");
        String digest = Files.readString(dir.resolve("github_output")).strip().replace("digest=", "");
        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        assertThat(pushed.calls())
                .contains("pulumi config set --stack pr-7 --config-file Pulumi.pr-7.yaml " + "llm-safe:imageDigest "
                        + digest);
    }

    @Test
    void withoutADockerfileOrACommandNothingIsBuiltAndTheOutputSaysSo() throws Exception {
        var run = build(Files.createDirectories(dir.resolve("empty")));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("no image built");
        assertThat(run.calls()).noneMatch(c -> c.startsWith("docker"));
        assertThat(Files.readString(dir.resolve("github_output"))).isEqualTo("built=false\n");
    }

    @Test
    void aBuildCommandThatTagsNothingFails() throws Exception {
        env.put("APP_BUILD_COMMAND", "echo building $APP_VERSION");
        var run = build(Files.createDirectories(dir.resolve("cmd")));
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("building " + SHA, "without building the image");
    }

    @Test
    void aStackWithoutAnImageRepositoryIsAClearErrorAndNothingIsPushed() throws Exception {
        var run = sandbox.bash(".github/scripts/app-image.sh push pr-7 Pulumi.pr-7.yaml", env);
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("stack pr-7 has no llm-safe:image");
        assertThat(run.calls()).noneMatch(c -> c.startsWith("docker push"));
    }

    @Test
    void aPromotionRunsThePushedImageOrTheDigestStagingRanBeforeItsPreview() throws Exception {
        sandbox.fake(
                "pulumi",
                String.join(
                        "\n",
                        "case \"$1 $2\" in",
                        "  'stack ls') echo '[{\"name\":\"staging\"},{\"name\":\"production\"}]' ;;",
                        "  'config get') echo " + REPOSITORY + " ;;",
                        "  'stack output') echo https://shop-production.a.run.app ;;",
                        "esac"));
        sandbox.fake(
                "java", "while [ $# -gt 0 ]; do [ \"$1\" = --output ] && echo '(no findings)' > \"$2\"; shift; done");
        env.putAll(Map.of("PULUMI_STATE_BUCKET", "acme-state", "GITHUB_SHA", SHA, "RUNNER_TEMP", dir.toString()));

        String archive = env.remove("IMAGE_ARCHIVE");
        env.put("IMAGE_DIGEST", "sha256:" + "9f".repeat(32));
        var production = sandbox.bash(".github/scripts/promote-stack.sh production", env);
        assertThat(production.exit()).as(production.output()).isZero();
        int set = production
                .calls()
                .indexOf("pulumi config set --stack production llm-safe:imageDigest sha256:" + "9f".repeat(32));
        assertThat(set).isPositive().isLessThan(production.calls().indexOf("pulumi preview --stack production --json"));
        assertThat(production.calls()).noneMatch(c -> c.startsWith("docker"));
        assertThat(Files.readString(dir.resolve("github_output"))).contains("digest=sha256:" + "9f".repeat(32));

        Files.delete(dir.resolve("github_output"));
        env.remove("IMAGE_DIGEST");
        env.put("IMAGE_ARCHIVE", archive);
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM scratch\n");
        assertThat(build(app).exit()).isZero();
        var staging = sandbox.bash(".github/scripts/promote-stack.sh staging", env);
        assertThat(staging.exit()).as(staging.output()).isZero();
        assertThat(staging.calls()).contains("docker push " + REPOSITORY + ":" + SHA);
        assertThat(staging.calls())
                .anyMatch(c -> c.startsWith("pulumi config set --stack staging --config-file "
                        + "Pulumi.staging.yaml llm-safe:imageDigest sha256:"));
        assertThat(Files.readString(dir.resolve("github_output"))).containsPattern("digest=sha256:[0-9a-f]{64}");
    }

    @Test
    void thePreviewRunsAndVerifiesTheCommitTheImageJobBuilt() {
        JsonNode image = Workflows.job("pr-env.yml", "image");
        JsonNode preview = Workflows.job("pr-env.yml", "preview");
        String head = "${{ github.event.pull_request.head.sha }}";
        assertThat(image.path("env").path("IMAGE_VERSION").asText()).isEqualTo(head);
        assertThat(image.path("steps").get(0).path("with").path("ref").asText()).isEqualTo(head);
        assertThat(preview.path("env").path("IMAGE_VERSION").asText()).isEqualTo(head);
        assertThat(preview.path("env").path("PR_SHA").asText()).isEqualTo(head);
        assertThat(Workflows.run("pr-env.yml", "preview", "Verify the health endpoint"))
                .contains("--expect-version \"$PR_SHA\"");
        int push = Workflows.indexOfStepRunning(preview, "app-image.sh push");
        assertThat(push)
                .isGreaterThan(Workflows.indexOfStepRunning(preview, "stack-config.sh"))
                .isLessThan(Workflows.indexOfStepRunning(preview, "pulumi preview"));
    }
}
