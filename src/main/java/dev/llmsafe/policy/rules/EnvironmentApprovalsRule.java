package dev.llmsafe.policy.rules;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Inputs;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The environment side of "no autonomous AI deploy": staging's environment has a human reviewer; production
 * passes at least two environments ({@code production}, {@code production-*}), each with a human reviewer,
 * self-review prevented and no admin bypass; staging and production deploy only from protected or listed
 * branches; no AI or bot identity (as {@link ActorClassifier} decides) reviews. Judged when the plan manages
 * any of {@link GithubGates}; the branch rules are {@link BranchProtectionRule}'s.
 */
public final class EnvironmentApprovalsRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "environment-approvals";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Staging and two production environments have human reviewers, deploy from protected branches, and no AI or bot reviews.";
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
        return "GitHub environments";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        if (!GithubGates.managed(plan)) {
            return Judgement.of(0, List.of());
        }
        List<PlannedResource> environments = plan.ofType(GithubGates.ENVIRONMENT);
        PolicyFile policy = input.policy();
        ActorClassifier classifier = input.classifier();
        List<Finding> out = new ArrayList<>();
        String staging = policy.environments().staging();
        String production = policy.environments().production();
        List<PlannedResource> stagingEnvs = group(environments, staging);
        List<PlannedResource> productionEnvs = group(environments, production);
        if (stagingEnvs.isEmpty()) {
            out.add(Finding.at(
                    Location.NONE,
                    "no GitHub environment '" + staging + "' gates staging",
                    "add a repository environment '" + staging + "' with at least one human reviewer"));
        }
        if (productionEnvs.size() < 2) {
            out.add(Finding.at(
                    Location.NONE,
                    "production passes " + productionEnvs.size() + " GitHub environment(s) (" + production + ", "
                            + production + "-*); it needs two, each approved by a different person",
                    "add environments '" + production + "-approval' and '" + production
                            + "', each with human reviewers"));
        }
        for (PlannedResource env : environments) {
            reviewers(env, policy, classifier, out);
        }
        for (PlannedResource env : stagingEnvs) {
            requireHuman(env, policy, classifier, out);
            branchPolicy(env, out);
        }
        for (PlannedResource env : productionEnvs) {
            requireHuman(env, policy, classifier, out);
            branchPolicy(env, out);
            if (!Inputs.bool(env.inputs().get("preventSelfReview")).orElse(false)) {
                out.add(Finding.at(
                        Location.resource(env.urn()),
                        "environment " + name(env) + " lets the person who started "
                                + "a deployment approve it (preventSelfReview "
                                + Inputs.show(env.inputs().get("preventSelfReview")) + ")",
                        "set preventSelfReview: true"));
            }
            if (!Boolean.FALSE.equals(
                    Inputs.bool(env.inputs().get("canAdminsBypass")).orElse(true))) {
                out.add(Finding.at(
                        Location.resource(env.urn()),
                        "environment " + name(env) + " lets admins skip its " + "reviewers (canAdminsBypass "
                                + Inputs.show(env.inputs().get("canAdminsBypass")) + ", GitHub's default true)",
                        "set canAdminsBypass: false"));
            }
        }
        return Judgement.of(environments.size(), out);
    }

    /** Environments named {@code base} or {@code base-*}. */
    private static List<PlannedResource> group(List<PlannedResource> environments, String base) {
        return environments.stream()
                .filter(e -> {
                    String n = Inputs.string(e.inputs().get("environment"));
                    return n != null && (n.equals(base) || n.startsWith(base + "-"));
                })
                .toList();
    }

    private static String name(PlannedResource env) {
        return Inputs.show(env.inputs().get("environment"));
    }

    private static void reviewers(
            PlannedResource env, PolicyFile policy, ActorClassifier classifier, List<Finding> out) {
        for (Object reviewer : Inputs.list(env.inputs().get("reviewers"))) {
            for (Object id : Inputs.list(Inputs.map(reviewer).get("users"))) {
                OptionalDouble n = Inputs.number(id);
                if (n.isEmpty()) {
                    continue;
                }
                String login = policy.login((long) n.getAsDouble());
                ActorKind kind = GithubGates.kindOf(classifier, login, (long) n.getAsDouble());
                if (kind != ActorKind.HUMAN) {
                    out.add(
                            Finding.at(
                                    Location.resource(env.urn()),
                                    "environment " + name(env) + " has reviewer " + login + " (user id "
                                            + (long) n.getAsDouble() + "), classified " + kind.value(),
                                    "remove AI and bot identities from environment reviewers; only people approve deployments"));
                }
            }
        }
    }

    private static void requireHuman(
            PlannedResource env, PolicyFile policy, ActorClassifier classifier, List<Finding> out) {
        Object reviewers = env.inputs().get("reviewers");
        if (Inputs.opaque(reviewers)) {
            out.add(Finding.at(
                    Location.resource(env.urn()),
                    "the reviewers of environment " + name(env) + " are unknown until apply",
                    "give reviewer ids literally so they can be checked"));
            return;
        }
        boolean human = false;
        for (Object reviewer : Inputs.list(reviewers)) {
            Map<String, Object> r = Inputs.map(reviewer);
            human |= !Inputs.list(r.get("teams")).isEmpty();
            for (Object id : Inputs.list(r.get("users"))) {
                OptionalDouble n = Inputs.number(id);
                human |= n.isPresent()
                        && GithubGates.kindOf(classifier, policy.login((long) n.getAsDouble()), (long) n.getAsDouble())
                                == ActorKind.HUMAN;
            }
        }
        if (!human) {
            out.add(Finding.at(
                    Location.resource(env.urn()),
                    "environment " + name(env) + " has no human reviewer",
                    "add reviewers.users (people's numeric ids) or reviewers.teams"));
        }
    }

    private static void branchPolicy(PlannedResource env, List<Finding> out) {
        Map<String, Object> policy = Inputs.map(env.inputs().get("deploymentBranchPolicy"));
        boolean restricted = Inputs.bool(policy.get("protectedBranches")).orElse(false)
                || Inputs.bool(policy.get("customBranchPolicies")).orElse(false);
        if (!restricted) {
            out.add(Finding.at(
                    Location.resource(env.urn()),
                    "environment " + name(env) + " accepts deployments from any branch",
                    "set deploymentBranchPolicy: {protectedBranches: true, customBranchPolicies: false}"));
        }
    }
}
