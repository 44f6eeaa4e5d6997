package dev.llmsafe.policy.rules;

import dev.llmsafe.components.ComponentTypes;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.plan.Urns;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resources only from the clouds this project targets: {@code gcp}, {@code railway}, {@code github}, Pulumi's
 * own types and this project's components. Both the type and the provider a resource is created through are
 * judged (a {@code pulumi:providers:aws} provider is as foreign as an {@code aws:} resource). Deletions of
 * foreign resources are welcome and not reported.
 */
public final class ProviderTargetsRule implements Rule {
    public static final Set<String> PACKAGES = Set.of("gcp", "railway", "github", ComponentTypes.PACKAGE);
    /** Pulumi's bridge that runs the Railway Terraform provider is a provider package of its own. */
    private static final Set<String> PROVIDER_PACKAGES = Set.of("gcp", "railway", "github", "terraform-provider");

    @Override
    public String id() {
        return "provider-targets";
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
    public List<Finding> check(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        List<Finding> out = new ArrayList<>();
        Set<String> foreign = new HashSet<>();
        for (String type : plan.types()) {
            if (!allowedType(type)) {
                foreign.add(type);
                for (PlannedResource r : plan.ofType(type)) {
                    out.add(Finding.at(Location.resource(r.urn()), "resource type " + type + " (" + r.name()
                            + ") is from package '" + r.packageName() + "', which this project does not target",
                            "use a gcp, railway or github resource instead, or remove it"));
                }
            }
        }
        Map<String, Boolean> providers = new HashMap<>();
        for (PlannedResource r : plan.live()) {
            if (r.provider() != null && !foreign.contains(r.type())
                    && !providers.computeIfAbsent(r.provider(), ProviderTargetsRule::allowedProvider)) {
                out.add(Finding.at(Location.resource(r.urn()), r.type() + " (" + r.name() + ") is created through provider "
                        + r.provider() + ", which this project does not target", "use the gcp, railway or github provider"));
            }
        }
        return out;
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

    private static boolean allowedProvider(String reference) {
        return Urns.parse(reference).map(p -> allowedType(p.type())).orElse(false);
    }
}
