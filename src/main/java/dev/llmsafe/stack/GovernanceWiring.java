package dev.llmsafe.stack;

import com.pulumi.resources.ComponentResourceOptions;
import dev.llmsafe.components.CiVariables;
import dev.llmsafe.components.GithubGovernance;
import dev.llmsafe.components.GithubGovernanceArgs;
import dev.llmsafe.components.GithubGovernanceArgs.EnvironmentPolicy;
import dev.llmsafe.components.GithubGovernanceArgs.MainBranchRules;
import dev.llmsafe.providers.github.Provider;
import dev.llmsafe.providers.github.ProviderArgs;
import dev.llmsafe.stack.GovernanceSettings.ReviewerSet;
import java.util.List;

/**
 * Turns the governance settings into the {@link GithubGovernance} component: four environments (review, staging,
 * and production's two), each with the Actions variables its jobs read.
 */
final class GovernanceWiring {
    private GovernanceWiring() {}

    static GithubGovernance define(StackSettings s, GovernanceSettings g, CiVariables ciVariables) {
        EnvironmentNames envs = s.environments();
        // The token is read from GITHUB_TOKEN at deploy time and sent as a secret; it is never stack config.
        var github = new Provider(
                "github", ProviderArgs.builder().owner(s.github().owner()).build());
        List<EnvironmentPolicy> environments = List.of(
                EnvironmentPolicy.open(envs.review()),
                gated(envs.staging(), g.stagingReviewers(), 0),
                gated(g.approvalEnvironment(), g.productionApprovalReviewers(), 0),
                gated(envs.production(), g.productionReviewers(), g.waitTimerMinutes()));
        var args = GithubGovernanceArgs.builder(s.github().name())
                .mainBranch(g.mainBranch())
                .environments(environments)
                .mainRules(new MainBranchRules(g.requiredApprovals(), g.requiredStatusChecks()))
                .codeOwners(g.codeOwners())
                .codeOwnedPaths(g.codeOwnedPaths())
                .variables(ciVariables)
                .build();
        return new GithubGovernance(
                "governance",
                args,
                ComponentResourceOptions.builder().providers(github).build());
    }

    private static EnvironmentPolicy gated(String name, ReviewerSet reviewers, int waitTimerMinutes) {
        return EnvironmentPolicy.gated(name, reviewers.userIds(), reviewers.teamIds(), waitTimerMinutes);
    }
}
