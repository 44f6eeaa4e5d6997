package dev.llmsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The plan reader on a preview the real engine produced (CLI 3.229.0 with the github plugin, the governance test
 * program of {@code StackHistoryEngineIT}, which checks the engine still produces it): every step becomes a
 * resource with its parent, provider and secret inputs as Pulumi wrote them.
 */
class EnginePreviewGoldenTest {

    @Test
    void theEnginesPreviewReadsAsAPlan() throws Exception {
        var plan = PlanReader.read(golden(), "engine-governance-preview.json").plan();

        assertThat(plan.source()).isEqualTo(PreviewJsonReader.SOURCE);
        assertThat(plan.kind()).isEqualTo("platform");
        assertThat(plan.stack()).isEqualTo("github-governance");
        assertThat(plan.resources()).extracting(PlannedResource::op).containsOnly("create");
        assertThat(plan.resources())
                .extracting(PlannedResource::type)
                .contains(
                        "pulumi:providers:github",
                        "llmsafe:components:GithubGovernance",
                        "github:index/repositoryRuleset:RepositoryRuleset",
                        "github:index/repositoryFile:RepositoryFile");
        PlannedResource provider = plan.resources().stream()
                .filter(r -> r.type().equals("pulumi:providers:github"))
                .findFirst()
                .orElseThrow();
        assertThat(provider.inputs())
                .containsEntry("token", PlannedResource.SECRET)
                .containsEntry("owner", "acme");
        PlannedResource ruleset = plan.resources().stream()
                .filter(r -> r.type().equals("github:index/repositoryRuleset:RepositoryRuleset"))
                .findFirst()
                .orElseThrow();
        assertThat(ruleset.parent()).contains("GithubGovernance");
        assertThat(ruleset.provider()).startsWith(provider.urn() + "::");
    }

    private static String golden() throws IOException {
        try (InputStream in =
                EnginePreviewGoldenTest.class.getResourceAsStream("/plan/engine-governance-preview.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
