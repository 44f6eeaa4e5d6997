package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Staging and production run the image built for the promoted commit: the build job builds it without
 * credentials, staging pushes it and runs it by digest, production runs the digest staging ran, never a rebuild
 * and never the digest committed in a stack file.
 */
class PromoteImageTest {
    private static final String FILE = "promote.yml";

    private static JsonNode step(String job, String name) {
        return StreamSupport.stream(Workflows.job(FILE, job).path("steps").spliterator(), false)
                .filter(s -> name.equals(s.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(job + " has no step '" + name + "'"));
    }

    @Test
    void theBuildJobBuildsTheImageOfThePromotedCommitAndHandsItOn() {
        JsonNode build = step("build", "Build the app image");
        assertThat(build.path("run").asText()).isEqualTo(".github/scripts/app-image.sh build");
        assertThat(build.path("env").path("IMAGE_VERSION").asText()).isEqualTo("${{ github.sha }}");
        assertThat(Workflows.job(FILE, "build")
                        .path("outputs")
                        .path("image-built")
                        .asText())
                .isEqualTo("${{ steps." + build.path("id").asText() + ".outputs.built }}");
        assertThat(Workflows.job(FILE, "build")
                        .path("permissions")
                        .path("id-token")
                        .asText())
                .as("the build runs with no cloud identity")
                .isNotEqualTo("write");
    }

    @Test
    void stagingPushesTheBuiltImageAndProductionRunsTheDigestStagingRan() {
        JsonNode staging = step("staging", "Deploy");
        assertThat(staging.path("run").asText()).contains("promote-stack.sh");
        assertThat(staging.path("env").path("IMAGE_ARCHIVE").asText())
                .contains("needs.build.outputs.image-built")
                .contains("app-image.tar");
        assertThat(Workflows.job(FILE, "staging").path("outputs").path("digest").asText())
                .isEqualTo("${{ steps.deploy.outputs.digest }}");

        JsonNode production = step("production", "Deploy");
        assertThat(production.path("env").path("IMAGE_DIGEST").asText())
                .isEqualTo("${{ needs.staging.outputs.digest }}");
        assertThat(production.path("env").has("IMAGE_ARCHIVE"))
                .as("production never pushes a new image")
                .isFalse();
        assertThat(Workflows.job(FILE, "production").path("needs").toString()).contains("staging");
    }

    /** railway-token.sh fails a Railway deploy without its token; the target it is told must be the stack's own. */
    @Test
    void theRailwayTokenStepNamesEachStacksRuntimeTarget() throws Exception {
        for (String stack : List.of("staging", "production")) {
            String target = new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(dev.llmsafe.cli.CliRun.projectDir()
                            .resolve("Pulumi." + stack + ".yaml")
                            .toFile())
                    .path("config")
                    .path("llm-safe:runtimeTarget")
                    .asText();
            assertThat(target).as("Pulumi.%s.yaml runtimeTarget", stack).isNotEmpty();
            String run = step(stack, "Read the Railway token from Secret Manager")
                    .path("run")
                    .asText();
            String told =
                    run.replace(".github/scripts/railway-token.sh " + stack, "").strip();
            assertThat(told.isEmpty() ? "railway" : told)
                    .as("%s: %s", stack, run)
                    .isEqualTo(target);
        }
    }
}
