package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmsafe.cli.CliRun;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A Railway workspace token reaches every project of its workspace, so previews, which deploy the PR's app with the
 * review token, get a workspace of their own: the committed review stack never names the workspace of staging or
 * production.
 */
class RailwayWorkspacesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String workspace(String stack) throws IOException {
        JsonNode config = YAML.readTree(
                        CliRun.projectDir().resolve("Pulumi." + stack + ".yaml").toFile())
                .path("config");
        return config.path("llm-safe:railwayWorkspaceId").asText("");
    }

    @Test
    void previewsLiveInAWorkspaceOfTheirOwn() throws Exception {
        String review = workspace("review");
        assertThat(review).as("the review stack names its workspace").isNotEmpty();
        for (String stack : new String[] {"staging", "production"}) {
            assertThat(review).as(stack + " has a workspace of its own").isNotEqualTo(workspace(stack));
        }
    }
}
