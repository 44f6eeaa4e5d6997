package dev.llmsafe.policy;

import dev.llmsafe.policy.rules.AiAllowedPathsRule;
import dev.llmsafe.policy.rules.BranchProtectionRule;
import dev.llmsafe.policy.rules.BucketHardeningRule;
import dev.llmsafe.policy.rules.DependencyPinsRule;
import dev.llmsafe.policy.rules.DeployGatesRule;
import dev.llmsafe.policy.rules.EnvironmentApprovalsRule;
import dev.llmsafe.policy.rules.ForbiddenReferencesRule;
import dev.llmsafe.policy.rules.KeylessAuthRule;
import dev.llmsafe.policy.rules.LocalActionsRule;
import dev.llmsafe.policy.rules.NoServiceAccountKeysRule;
import dev.llmsafe.policy.rules.PreviewBoundaryRule;
import dev.llmsafe.policy.rules.PreviewCostRule;
import dev.llmsafe.policy.rules.PreviewSecretIsolationRule;
import dev.llmsafe.policy.rules.ProviderTargetsRule;
import dev.llmsafe.policy.rules.PublicAccessRule;
import dev.llmsafe.policy.rules.ScriptInjectionRule;
import dev.llmsafe.policy.rules.SuppressionExpiryRule;
import dev.llmsafe.policy.rules.WifProviderRule;
import dev.llmsafe.policy.rules.WorkflowPermissionsRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every rule the engine runs, in report order: plan rules, change rules, gate rules, the policy file's own. */
public final class RuleRegistry {
    private static final List<Rule> ALL = List.of(
            new ProviderTargetsRule(),
            new NoServiceAccountKeysRule(),
            new WifProviderRule(),
            new PublicAccessRule(),
            new BucketHardeningRule(),
            new PreviewSecretIsolationRule(),
            new PreviewBoundaryRule(),
            new EnvironmentApprovalsRule(),
            new BranchProtectionRule(),
            new PreviewCostRule(),
            new AiAllowedPathsRule(),
            new DependencyPinsRule(),
            new ForbiddenReferencesRule(),
            new DeployGatesRule(),
            new WorkflowPermissionsRule(),
            new KeylessAuthRule(),
            new ScriptInjectionRule(),
            new LocalActionsRule(),
            new SuppressionExpiryRule());

    /**
     * Ids of rules that were split, each to the rules that now judge what it judged. A policy file that names one
     * (a level, an allowlist entry, a suppression) keeps meaning what it meant: it applies to every rule listed.
     * No alias is a rule's id, so each id names one rule and one guarantee.
     */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "wif-condition", List.of(WifProviderRule.ID, PublicAccessRule.ID),
            "environment-gates", List.of(EnvironmentApprovalsRule.ID, BranchProtectionRule.ID),
            "workflow-gates",
                    List.of(
                            DeployGatesRule.ID,
                            WorkflowPermissionsRule.ID,
                            KeylessAuthRule.ID,
                            ScriptInjectionRule.ID));

    private RuleRegistry() {}

    public static List<Rule> all() {
        return ALL;
    }

    public static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        ALL.forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** The old ids a policy file may still use, each with the rules it now stands for. */
    public static Map<String, List<String>> aliases() {
        return ALIASES;
    }

    /** The rules an id in a policy file names: the rules an alias stands for, else the id itself. */
    public static List<String> resolve(String id) {
        return ALIASES.getOrDefault(id, List.of(id));
    }
}
