package dev.llmsafe.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import dev.llmsafe.components.GithubGovernanceArgs.EnvironmentPolicy;
import dev.llmsafe.components.GithubGovernanceArgs.MainBranchRules;
import dev.llmsafe.providers.github.GithubPackage;
import dev.llmsafe.providers.github.Provider;
import dev.llmsafe.providers.github.ProviderArgs;
import dev.llmsafe.providers.github.RepositoryFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resource options the mocks do not record: plugin version, ordering, parents. */
class GithubGovernanceOptionsTest {
    private final Map<String, ResourceOptions> options = new ConcurrentHashMap<>();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private void run() {
        ResourceTransformation tracker = args -> {
            options.put(args.resource().pulumiResourceName(), args.options());
            resources.put(args.resource().pulumiResourceName(), args.resource());
            return Optional.empty();
        };
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return CompletableFuture.completedFuture(
                        ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
            }
        };
        var args = GithubGovernanceArgs.builder("shop")
                .mainBranch("main")
                .environments(List.of(
                        EnvironmentPolicy.open("review"),
                        EnvironmentPolicy.gated("production", List.of(1L, 2L), List.of(), 0)))
                .mainRules(new MainBranchRules(1, List.of("build")))
                .codeOwners(List.of("@acme/platform"))
                .codeOwnedPaths(List.of("/.github/"))
                .variables(CiVariables.of(Map.of("production", Map.of("A", Output.of("b")))))
                .build();
        var result = PulumiTest.withMocks(mocks)
                .withOptions(new TestOptions("llm-safe", "platform", true, List.of(tracker)))
                .runTest(ctx -> {
                    var github = new Provider(
                            "github", ProviderArgs.builder().owner("acme").build());
                    new GithubGovernance(
                            "gov",
                            args,
                            ComponentResourceOptions.builder().providers(github).build());
                });
        assertThat(result.exceptions()).isEmpty();
    }

    @Test
    void everyGithubResourceAndTheProviderPinThePluginVersion() {
        run();
        var github = resources.entrySet().stream()
                .filter(e -> e.getValue().pulumiResourceType().startsWith("github:")
                        || e.getValue().pulumiResourceType().equals("pulumi:providers:github"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(github).hasSize(8).contains("github");
        assertThat(github)
                .allSatisfy(name ->
                        assertThat(options.get(name).getVersion()).as(name).contains(GithubPackage.VERSION));
    }

    @Test
    void theRulesetIsCreatedAfterCodeownersIsCommitted() {
        run();
        var dependsOn = PulumiTest.extractValue(options.get("gov-main-rules").getDependsOn());
        assertThat(dependsOn)
                .singleElement()
                .isInstanceOf(RepositoryFile.class)
                .extracting(Resource::pulumiResourceName)
                .isEqualTo("gov-codeowners");
        assertThat(options.get("gov-main-rules").getParent())
                .get()
                .extracting(Resource::pulumiResourceName)
                .isEqualTo("gov");
    }
}
