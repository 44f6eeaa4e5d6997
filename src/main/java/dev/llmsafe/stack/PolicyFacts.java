package dev.llmsafe.stack;

import dev.llmsafe.components.GithubGovernanceArgs;
import java.util.Objects;
import java.util.Set;

/**
 * What a stack reads from the project's {@code policy.yaml}, the one home of these facts: the approval gate and
 * the policy check read the same file, so the platform stack can never protect another branch, or trust another
 * account, or name another environment, than the checks do. Stack config that sets any of them is refused.
 *
 * @param aiIdentities logins of AI agents: never reviewers or code owners
 * @param mainBranch   the branch the rules protect and the only one the gated environments deploy from
 * @param environments the names of the review, staging and production environments, which the policy check's
 *                     environment gates judge and the stacks create
 */
public record PolicyFacts(Set<String> aiIdentities, String mainBranch, EnvironmentNames environments) {
    public PolicyFacts {
        aiIdentities = Set.copyOf(aiIdentities);
        Objects.requireNonNull(mainBranch, "mainBranch");
        Objects.requireNonNull(environments, "environments");
    }

    /** A project without a policy file: no AI identities listed, the default main branch and environments. */
    public static PolicyFacts defaults() {
        return withAiIdentities(Set.of());
    }

    public static PolicyFacts withAiIdentities(Set<String> aiIdentities) {
        return new PolicyFacts(aiIdentities, GithubGovernanceArgs.DEFAULT_MAIN_BRANCH, EnvironmentNames.DEFAULTS);
    }
}
