package dev.llmsafe.stack;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.components.GithubGovernance;
import dev.llmsafe.components.GithubGovernanceArgs;
import dev.llmsafe.components.GithubGovernanceArgs.EnvironmentPolicy;
import dev.llmsafe.components.GithubGovernanceArgs.MainBranchRules;
import dev.llmsafe.providers.github.Provider;
import dev.llmsafe.providers.github.ProviderArgs;
import dev.llmsafe.stack.GovernanceSettings.ReviewerSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the governance settings into the {@link GithubGovernance} component: four environments (review, staging,
 * and production's two), with CI's identifiers taken from the Workload Identity component's outputs.
 */
final class GovernanceWiring {
    private GovernanceWiring() {
    }

    static GithubGovernance define(StackSettings s, GovernanceSettings g, GithubActionsIdentity identity,
                                   Map<String, Output<String>> shared,
                                   Map<String, Map<String, Output<String>>> perEnvironment) {
        EnvironmentNames envs = s.environments();
        // The token is read from GITHUB_TOKEN at deploy time and sent as a secret; it is never stack config.
        var github = new Provider("github", ProviderArgs.builder().owner(s.github().owner()).build());
        List<EnvironmentPolicy> environments = List.of(
                EnvironmentPolicy.open(envs.review()),
                gated(envs.staging(), g.stagingReviewers(), 0),
                gated(g.approvalEnvironment(), g.productionApprovalReviewers(), 0),
                gated(envs.production(), g.productionReviewers(), g.waitTimerMinutes()));
        var args = new GithubGovernanceArgs(s.github().name(), g.mainBranch(), environments,
                new MainBranchRules(g.requiredApprovals(), g.requiredStatusChecks()), g.codeOwners(),
                g.codeOwnedPaths(), ciVariables(identity, envs, shared, perEnvironment));
        return new GithubGovernance("governance", args, ComponentResourceOptions.builder().providers(github).build());
    }

    private static EnvironmentPolicy gated(String name, ReviewerSet reviewers, int waitTimerMinutes) {
        return EnvironmentPolicy.gated(name, reviewers.userIds(), reviewers.teamIds(), waitTimerMinutes);
    }

    /**
     * What each deploying environment's jobs need: how to authenticate, the {@code shared} locations every
     * environment reads (project, audit bucket) and its own ones ({@code perEnvironment}: its state bucket).
     * Identifiers, not credentials.
     */
    static Map<String, Map<String, Output<String>>> ciVariables(GithubActionsIdentity identity, EnvironmentNames envs,
                                                                Map<String, Output<String>> shared,
                                                                Map<String, Map<String, Output<String>>> perEnvironment) {
        Map<String, Map<String, Output<String>>> variables = new LinkedHashMap<>();
        for (String env : envs.all()) {
            Map<String, Output<String>> vars = new LinkedHashMap<>();
            vars.put(GithubGovernance.PROVIDER_VARIABLE, identity.providerName());
            vars.put(GithubGovernance.SERVICE_ACCOUNT_VARIABLE, identity.deployerEmails().get(env));
            vars.putAll(shared);
            vars.putAll(perEnvironment.getOrDefault(env, Map.of()));
            variables.put(env, vars);
        }
        return variables;
    }
}
