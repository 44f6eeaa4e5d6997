package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.plan.PlanDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every stack shares has one home, Pulumi.yaml's project-level config, and every stack's offline plan reads
 * it from there: the repository's facts and secretNames.
 */
class SharedConfigTest {
    private static final String PREFIX = StackSettings.NAMESPACE + ":";
    private static final List<String> STACKS = List.of("platform", "staging", "production", "pr-42");
    private static final List<String> REPOSITORY_FACTS =
            List.of("gcpProject", "githubOwner", "repositoryId", "ownerId");

    private static List<Path> stackFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("Pulumi\\.[^.]+\\.yaml"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void noStackFileRepeatsWhatPulumiYamlHolds() throws Exception {
        Path project = CliRun.projectDir();
        Set<String> shared =
                ProjectConfig.load(project.resolve("Pulumi.yaml")).entries().keySet();
        assertThat(shared)
                .as("Pulumi.yaml holds the repository's facts")
                .containsAll(REPOSITORY_FACTS.stream().map(k -> PREFIX + k).toList())
                .contains(PREFIX + "secretNames", PREFIX + "deployerSecretNames");
        List<Path> stacks = stackFiles(project);
        assertThat(stacks)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "Pulumi.platform.yaml", "Pulumi.production.yaml", "Pulumi.review.yaml", "Pulumi.staging.yaml");
        for (Path stack : stacks) {
            Set<String> own = YamlStackConfig.load(stack, Map.of()).keys();
            assertThat(own)
                    .as("%s repeats keys of Pulumi.yaml", stack.getFileName())
                    .doesNotContainAnyElementsOf(shared.stream()
                            .map(k -> k.substring(PREFIX.length()))
                            .toList());
        }
    }

    @Test
    void everyStacksPlanTakesTheRepositoryFactsFromPulumiYaml(@TempDir Path dir) throws Exception {
        Path project = CliRun.projectDir();
        for (Path stack : stackFiles(project)) {
            Files.copy(stack, dir.resolve(stack.getFileName()));
        }
        Files.writeString(
                dir.resolve("Pulumi.yaml"),
                Files.readString(project.resolve("Pulumi.yaml"))
                        .replace("gcpProject: acme-shop-prod", "gcpProject: other-shop-prod")
                        .replace("githubOwner: acme", "githubOwner: other-org")
                        .replace("repositoryId: \"712345678\"", "repositoryId: \"111222333\"")
                        .replace("ownerId: \"98765432\"", "ownerId: \"444555\""));

        for (String stack : STACKS) {
            var settings = OfflinePlanner.settingsForPlan(dir, stack, Optional.empty(), Map.of())
                    .settings();
            assertThat(settings.gcpProject()).as(stack).isEqualTo("other-shop-prod");
            assertThat(settings.github())
                    .as(stack)
                    .isEqualTo(new GithubRepository("other-org", "shop", 111222333L, 444555L));
            assertThat(settings.secrets().deployerNames()).as(stack).contains(SecretSettings.RAILWAY_TOKEN);
            PlanDocument plan = OfflinePlanner.plan(settings);
            assertThat(plan.config())
                    .as(stack)
                    .containsEntry(PlanDocument.REPOSITORY_ID, "111222333")
                    .containsEntry(PlanDocument.OWNER_ID, "444555");
        }
    }

    @Test
    void thePlatformStackCreatesTheRailwayTokenSecretOfEveryEnvironment() throws Exception {
        var settings = OfflinePlanner.settings(CliRun.projectDir(), "platform", Optional.empty(), Map.of());
        @SuppressWarnings("unchecked")
        List<String> secretIds =
                (List<String>) OfflinePlanner.plan(settings).outputs().get("secretIds");
        assertThat(secretIds).contains("review-railway-token", "staging-railway-token", "production-railway-token");
    }
}
