package dev.llmsafe.policy.rules;

import dev.llmsafe.components.ComponentTypes;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resources only from the clouds this project targets: {@code gcp}, {@code railway}, {@code github}, Pulumi's
 * own types and this project's components. Provider resources are judged by the package they configure
 * ({@code pulumi:providers:aws} is as foreign as an {@code aws:} resource); the engine serves each resource
 * through a provider of its own package, so judging types covers providers too. Deletions of foreign
 * resources are welcome and not reported.
 */
public final class ProviderTargetsRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "provider-targets";

    public static final Set<String> PACKAGES = Set.of("gcp", "railway", "github", ComponentTypes.PACKAGE);
    /** Pulumi's bridge that runs the Railway Terraform provider is a provider package of its own. */
    private static final Set<String> PROVIDER_PACKAGES = Set.of("gcp", "railway", "github", "terraform-provider");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Resources come only from gcp, railway, github, Pulumi's own types and this project's components.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.PLAN;
    }

    @Override
    public String judges() {
        return "resources";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        List<Finding> out = new ArrayList<>();
        for (String type : plan.types()) {
            if (!allowedType(type)) {
                for (PlannedResource r : plan.ofType(type)) {
                    out.add(Finding.at(
                            Location.resource(r.urn()),
                            "resource type " + type + " (" + r.name() + ") is from package '" + r.packageName()
                                    + "', which this project does not target",
                            "use a gcp, railway or github resource instead, or remove it"));
                }
            }
        }
        return Judgement.of(plan.live().size(), out);
    }

    static boolean allowedType(String type) {
        int colon = type.indexOf(':');
        String pkg = colon < 0 ? type : type.substring(0, colon);
        if (PACKAGES.contains(pkg)) {
            return true;
        }
        if (type.startsWith("pulumi:providers:")) {
            return PROVIDER_PACKAGES.contains(type.substring("pulumi:providers:".length()));
        }
        return type.startsWith("pulumi:pulumi:");
    }
}
