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

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        ALL.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
