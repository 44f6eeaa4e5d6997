package dev.llmsafe.policy.rules;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.policy.PlanView;

/**
 * The GitHub resources that gate deploys, which {@link EnvironmentApprovalsRule} and {@link BranchProtectionRule}
 * judge together: a plan that manages any of them manages the repository's gates, so both rules judge it (a
 * missing environment or a missing rule on main is then a finding, not a pass).
 */
final class GithubGates {
    static final String ENVIRONMENT = "github:index/repositoryEnvironment:RepositoryEnvironment";
    static final String RULESET = "github:index/repositoryRuleset:RepositoryRuleset";
    static final String BRANCH_PROTECTION = "github:index/branchProtection:BranchProtection";

    private GithubGates() {}

    /** Whether the plan manages any GitHub environment, ruleset or branch protection. */
    static boolean managed(PlanView plan) {
        return !plan.ofType(ENVIRONMENT).isEmpty()
                || !plan.ofType(RULESET).isEmpty()
                || !plan.ofType(BRANCH_PROTECTION).isEmpty();
    }

    /** An id is judged by its recorded login and by itself, since aiIdentities may list either. */
    static ActorKind kindOf(ActorClassifier classifier, String login, long id) {
        ActorKind byLogin = classifier.classify(login, "User");
        if (byLogin != ActorKind.HUMAN) {
            return byLogin;
        }
        return classifier.isAiIdentity(Long.toString(id)) ? ActorKind.AI : ActorKind.HUMAN;
    }
}
