package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.policy.PolicyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policy.yaml's aiIdentities is the one list of AI accounts: the platform stack reads it, and lists none itself. */
class AiIdentitiesHomeTest {
    private static final Map<String, String> AGENT_REVIEWS = Map.of(
            "productionReviewers", "[{\"login\":\"bob\",\"id\":1002},{\"login\":\"acme-code-agent\",\"id\":7007}]");

    @Test
    void theRepositorysPolicyFileListsTheAgentThePlatformStackOnceListed() throws Exception {
        assertThat(PolicyFile.projectAiIdentities(CliRun.projectDir())).contains("acme-code-agent");
        for (String file : new String[] {
            "Pulumi.platform.yaml", "Pulumi.staging.yaml", "Pulumi.production.yaml", "Pulumi.review.yaml"
        }) {
            assertThat(YamlStackConfig.load(CliRun.projectDir().resolve(file), Map.of())
                            .get("aiIdentities"))
                    .as(file + " lists no AI identities of its own")
                    .isEmpty();
        }
    }

    @Test
    void thePlatformStackRefusesAReviewerThatPolicyYamlNamesAnAgent() {
        var e = catchThrowableOfType(
                InvalidConfigException.class,
                () -> OfflinePlanner.settings(CliRun.projectDir(), "platform", Optional.empty(), AGENT_REVIEWS));
        assertThat(e).as("acme-code-agent must be refused as a reviewer").isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("acme-code-agent");
            assertThat(p.fix()).contains("policy.yaml's aiIdentities");
        });
    }

    @Test
    void theListComesFromThePolicyFileBesideTheStack(@TempDir Path project) throws Exception {
        Files.copy(CliRun.projectDir().resolve("Pulumi.platform.yaml"), project.resolve("Pulumi.platform.yaml"));
        Files.copy(CliRun.projectDir().resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("policy.yaml"), "aiIdentities: [someone-else]\n");
        var settings = OfflinePlanner.settings(project, "platform", Optional.empty(), AGENT_REVIEWS);
        assertThat(settings.governance().orElseThrow().aiIdentities()).containsExactly("someone-else");
    }

    @Test
    void aStackThatStillListsThemIsToldWhereTheyLiveNow() {
        var e = catchThrowableOfType(
                InvalidConfigException.class,
                () -> OfflinePlanner.settings(
                        CliRun.projectDir(),
                        "platform",
                        Optional.empty(),
                        Map.of("aiIdentities", "[\"acme-code-agent\"]")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("aiIdentities");
            assertThat(p.fix()).contains("move the list there");
        });
    }
}
