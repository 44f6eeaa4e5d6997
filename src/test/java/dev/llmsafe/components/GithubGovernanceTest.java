package dev.llmsafe.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmsafe.components.GithubGovernanceArgs.EnvironmentPolicy;
import dev.llmsafe.components.GithubGovernanceArgs.MainBranchRules;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.providers.github.Provider;
import dev.llmsafe.providers.github.ProviderArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubGovernanceTest {
    private static final String ENVIRONMENT = "github:index/repositoryEnvironment:RepositoryEnvironment";
    private static final String POLICY =
            "github:index/repositoryEnvironmentDeploymentPolicy:RepositoryEnvironmentDeploymentPolicy";
    private static final String VARIABLE = "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable";

    private static GithubGovernanceArgs args(Map<String, Map<String, Output<String>>> variables) {
        return GithubGovernanceArgs.builder("shop")
                .mainBranch("main")
                .environments(List.of(
                        EnvironmentPolicy.open("review"),
                        EnvironmentPolicy.gated("staging", List.of(1001L), List.of(), 0),
                        EnvironmentPolicy.gated("production-approval", List.of(1001L, 1002L), List.of(), 0),
                        EnvironmentPolicy.gated("production", List.of(1002L, 1003L), List.of(42L), 15)))
                .mainRules(new MainBranchRules(2, List.of("build", "policy")))
                .codeOwners(List.of("@acme/platform", "@acme/security"))
                .codeOwnedPaths(List.of("/.github/", "/Pulumi.*.yaml"))
                .variables(CiVariables.of(variables))
                .build();
    }

    private static PlanDocument plan(GithubGovernanceArgs args) {
        return MockRun.run(
                "llm-safe",
                "platform",
                "platform",
                ctx -> {
                    var github = new Provider(
                            "github", ProviderArgs.builder().owner("acme").build());
                    new GithubGovernance(
                            "gov",
                            args,
                            ComponentResourceOptions.builder().providers(github).build());
                },
                List.of());
    }

    private static PlannedResource named(PlanDocument plan, String type, String name) {
        var matches = plan.resources().stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .toList();
        assertThat(matches).as(type + " " + name).hasSize(1);
        return matches.get(0);
    }

    @Test
    void gatedEnvironmentsHaveTheirReviewersPreventSelfReviewAndNoAdminBypass() {
        var plan = plan(args(Map.of()));
        assertThat(named(plan, ENVIRONMENT, "gov-staging").inputs())
                .containsEntry("reviewers", List.of(Map.of("users", List.of(1001.0))))
                .containsEntry("preventSelfReview", true)
                .containsEntry("canAdminsBypass", false)
                .doesNotContainKey("waitTimer");
        assertThat(named(plan, ENVIRONMENT, "gov-production-approval").inputs())
                .containsEntry("reviewers", List.of(Map.of("users", List.of(1001.0, 1002.0))))
                .containsEntry("preventSelfReview", true)
                .containsEntry("canAdminsBypass", false);
        assertThat(named(plan, ENVIRONMENT, "gov-production").inputs())
                .containsEntry("environment", "production")
                .containsEntry("repository", "shop")
                .containsEntry("reviewers", List.of(Map.of("users", List.of(1002.0, 1003.0), "teams", List.of(42.0))))
                .containsEntry("preventSelfReview", true)
                .containsEntry("canAdminsBypass", false)
                .containsEntry("waitTimer", 15.0);
    }

    @Test
    void theSharedReviewEnvironmentHasNoReviewersAndAcceptsAnyBranch() {
        var plan = plan(args(Map.of()));
        assertThat(named(plan, ENVIRONMENT, "gov-review").inputs())
                .containsOnlyKeys("environment", "repository")
                .containsEntry("environment", "review");
        assertThat(plan.resources())
                .noneMatch(r -> r.type().equals(POLICY) && r.name().contains("review"));
    }

    @Test
    void gatedEnvironmentsAcceptDeploymentsFromMainOnly() {
        var plan = plan(args(Map.of()));
        for (String env : List.of("staging", "production-approval", "production")) {
            assertThat(named(plan, ENVIRONMENT, "gov-" + env).inputs())
                    .containsEntry(
                            "deploymentBranchPolicy", Map.of("protectedBranches", false, "customBranchPolicies", true));
            assertThat(named(plan, POLICY, "gov-" + env + "-main").inputs())
                    .containsEntry("environment", env)
                    .containsEntry("branchPattern", "main")
                    .containsEntry("repository", "shop")
                    .doesNotContainKey("tagPattern");
        }
        assertThat(plan.resources().stream().filter(r -> r.type().equals(POLICY)))
                .hasSize(3);
    }

    @Test
    void mainRequiresReviewedPullRequestsAndPassingChecksWithNoBypass() {
        var ruleset = named(plan(args(Map.of())), "github:index/repositoryRuleset:RepositoryRuleset", "gov-main-rules");
        assertThat(ruleset.inputs())
                .containsEntry("target", "branch")
                .containsEntry("enforcement", "active")
                .containsEntry("bypassActors", List.of())
                .containsEntry(
                        "conditions",
                        Map.of("refName", Map.of("includes", List.of("refs/heads/main"), "excludes", List.of())));
        assertThat(ruleset.inputs().get("rules"))
                .isEqualTo(Map.of(
                        "deletion",
                        true,
                        "nonFastForward",
                        true,
                        "pullRequest",
                        Map.of(
                                "requiredApprovingReviewCount",
                                2.0,
                                "requireCodeOwnerReview",
                                true,
                                "dismissStaleReviewsOnPush",
                                true,
                                "requireLastPushApproval",
                                true,
                                "requiredReviewThreadResolution",
                                true),
                        "requiredStatusChecks",
                        Map.of(
                                "strictRequiredStatusChecksPolicy",
                                true,
                                "requiredChecks",
                                List.of(Map.of("context", "build"), Map.of("context", "policy")))));
    }

    @Test
    void withoutStatusChecksTheRuleIsLeftOutRatherThanEmpty() {
        var base = args(Map.of());
        var noChecks = GithubGovernanceArgs.builder(base.repository())
                .mainBranch(base.mainBranch())
                .environments(base.environments())
                .mainRules(new MainBranchRules(1, List.of()))
                .codeOwners(base.codeOwners())
                .codeOwnedPaths(base.codeOwnedPaths())
                .build();
        var rules = named(plan(noChecks), "github:index/repositoryRuleset:RepositoryRuleset", "gov-main-rules")
                .inputs()
                .get("rules");
        assertThat(rules)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .doesNotContainKey("requiredStatusChecks")
                .containsKey("pullRequest");
    }

    @Test
    void workflowTokenIsReadOnlyAndCannotApprovePullRequests() {
        var perms = named(
                plan(args(Map.of())),
                "github:index/workflowRepositoryPermissions:WorkflowRepositoryPermissions",
                "gov-workflow-permissions");
        assertThat(perms.inputs())
                .isEqualTo(Map.of(
                        "repository",
                        "shop",
                        "defaultWorkflowPermissions",
                        "read",
                        "canApprovePullRequestReviews",
                        false));
    }

    @Test
    void codeOwnersFileIsCommittedToMainWithoutTriggeringWorkflows() {
        var file = named(plan(args(Map.of())), "github:index/repositoryFile:RepositoryFile", "gov-codeowners");
        assertThat(file.inputs())
                .containsEntry("file", ".github/CODEOWNERS")
                .containsEntry("branch", "main")
                .containsEntry("overwriteOnCreate", true);
        assertThat((String) file.inputs().get("commitMessage")).contains("[skip ci]");
        String content = (String) file.inputs().get("content");
        assertThat(content.lines().filter(l -> !l.startsWith("#")).toList())
                .containsExactly(
                        "/.github/      @acme/platform @acme/security", "/Pulumi.*.yaml @acme/platform @acme/security");
    }

    @Test
    void variablesCarryTheGivenOutputsIntoTheirEnvironment() {
        var plan = plan(args(Map.of(
                "staging", Map.of("GCP_SERVICE_ACCOUNT", Output.of("deploy-staging@p.iam.gserviceaccount.com")),
                "production",
                        Map.of("GCP_SERVICE_ACCOUNT", Output.of("deploy-production@p.iam.gserviceaccount.com")))));
        assertThat(named(plan, VARIABLE, "gov-staging-gcp-service-account").inputs())
                .isEqualTo(Map.of(
                        "repository",
                        "shop",
                        "environment",
                        "staging",
                        "variableName",
                        "GCP_SERVICE_ACCOUNT",
                        "value",
                        "deploy-staging@p.iam.gserviceaccount.com"));
        assertThat(named(plan, VARIABLE, "gov-production-gcp-service-account").inputs())
                .containsEntry("environment", "production")
                .containsEntry("value", "deploy-production@p.iam.gserviceaccount.com");
        assertThat(plan.resources().stream().filter(r -> r.type().equals(VARIABLE)))
                .hasSize(2);
    }

    @Test
    void everyChildIsParentedToTheComponentAndUsesTheGivenProvider() {
        var plan = plan(args(Map.of("review", Map.of("X", Output.of("y")))));
        var children = plan.resources().stream()
                .filter(r -> r.type().startsWith("github:"))
                .toList();
        assertThat(children).hasSize(11);
        assertThat(children).allSatisfy(r -> {
            assertThat(r.parent()).endsWith("llmsafe:components:GithubGovernance::gov");
            assertThat(r.provider()).contains("pulumi:providers:github::github::");
        });
    }

    @Test
    void rejectsWhatGithubWouldRejectNamingTheValue() {
        assertThatThrownBy(() -> EnvironmentPolicy.gated("production", List.of(1L, 2L, 3L, 4L, 5L), List.of(6L, 7L), 0))
                .hasMessageContaining("production")
                .hasMessageContaining("7 reviewers");
        assertThatThrownBy(() -> EnvironmentPolicy.gated("staging", List.of(0L), List.of(), 0))
                .hasMessageContaining("reviewer id 0");
        assertThatThrownBy(() -> EnvironmentPolicy.gated("staging", List.of(), List.of(), 0))
                .hasMessageContaining("at least one reviewer");
        assertThatThrownBy(() -> EnvironmentPolicy.gated("production", List.of(1L), List.of(), 50000))
                .hasMessageContaining("50000");
        assertThatThrownBy(() -> args(Map.of("prod", Map.of("A", Output.of("b")))))
                .hasMessageContaining("'prod'");
        assertThatThrownBy(() -> args(Map.of("review", Map.of("GITHUB_SHA", Output.of("b")))))
                .hasMessageContaining("GITHUB_SHA");
        assertThatThrownBy(() -> GithubGovernanceArgs.builder("acme/shop")
                        .mainBranch("main")
                        .mainRules(new MainBranchRules(1, List.of()))
                        .codeOwners(List.of("@a/b"))
                        .codeOwnedPaths(List.of("/x"))
                        .build())
                .hasMessageContaining("acme/shop");
        assertThatThrownBy(() -> new MainBranchRules(0, List.of())).hasMessageContaining("requiredApprovals 0");
    }
}
