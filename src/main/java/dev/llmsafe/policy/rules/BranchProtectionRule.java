package dev.llmsafe.policy.rules;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Inputs;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PathGlob;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The branch side of "no autonomous AI deploy": rulesets and branch protections. The main branch must be covered
 * by an active rule that requires an approving review of the last push, and no ruleset or protection may let an
 * AI, a bot, an app or a deploy key bypass it. Judged when the plan manages any of {@link GithubGates}, so a plan
 * that manages environments but no rule on main fails.
 */
public final class BranchProtectionRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "branch-protection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Main requires an approving review of the last push, and no AI, bot, app or deploy key bypasses branch rules.";
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
        return "rulesets or branch protections";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        if (!GithubGates.managed(plan)) {
            return Judgement.of(0, List.of());
        }
        List<PlannedResource> rulesets = plan.ofType(GithubGates.RULESET);
        List<PlannedResource> protections = plan.ofType(GithubGates.BRANCH_PROTECTION);
        List<Finding> out = new ArrayList<>();
        check(rulesets, protections, input.policy(), input.classifier(), out);
        return Judgement.of(rulesets.size() + protections.size(), out);
    }

    private static void check(
            List<PlannedResource> rulesets,
            List<PlannedResource> protections,
            PolicyFile policy,
            ActorClassifier classifier,
            List<Finding> out) {
        String main = policy.mainBranch();
        boolean lastPushApproved = false;
        for (PlannedResource rs : rulesets) {
            Map<String, Object> in = rs.inputs();
            Map<String, Object> pr = Inputs.map(Inputs.at(in, "rules", "pullRequest"));
            if (coversMain(rs, main)
                    && approvesLastPush(pr.get("requireLastPushApproval"), pr.get("requiredApprovingReviewCount"))) {
                lastPushApproved = true;
            }
            for (Object actor : Inputs.list(in.get("bypassActors"))) {
                Map<String, Object> a = Inputs.map(actor);
                String type = String.valueOf(a.get("actorType"));
                OptionalDouble id = Inputs.number(a.get("actorId"));
                String who = null;
                if (type.equals("Integration") || type.equals("DeployKey")) {
                    who = type.equals("Integration") ? "a GitHub App (bot)" : "a deploy key";
                } else if (type.equals("User") && id.isPresent()) {
                    String login = policy.login((long) id.getAsDouble());
                    ActorKind kind = GithubGates.kindOf(classifier, login, (long) id.getAsDouble());
                    who = kind == ActorKind.HUMAN ? null : login + " (" + kind.value() + ")";
                }
                if (who != null) {
                    out.add(Finding.at(
                            Location.resource(rs.urn()),
                            "ruleset " + rs.name() + " lets " + who + " bypass it",
                            "remove the bypass actor; only people may bypass branch rules"));
                }
            }
        }
        for (PlannedResource bp : protections) {
            Map<String, Object> in = bp.inputs();
            Map<String, Object> reviews = Inputs.map(in.get("requiredPullRequestReviews"));
            String pattern = Inputs.string(in.get("pattern"));
            if (pattern != null
                    && PathGlob.of(pattern).matches(main)
                    && approvesLastPush(
                            reviews.get("requireLastPushApproval"), reviews.get("requiredApprovingReviewCount"))) {
                lastPushApproved = true;
            }
            List<Object> bypassers = new ArrayList<>(Inputs.list(in.get("forcePushBypassers")));
            bypassers.addAll(Inputs.list(reviews.get("pullRequestBypassers")));
            for (Object b : bypassers) {
                String actor = Inputs.string(b);
                String login = actor == null ? null : actor.startsWith("/") ? actor.substring(1) : actor;
                if (login != null && !login.contains("/") && classifier.classify(login) != ActorKind.HUMAN) {
                    out.add(Finding.at(
                            Location.resource(bp.urn()),
                            "branch protection " + bp.name() + " lets " + login + " ("
                                    + classifier.classify(login).value() + ") bypass it",
                            "remove the bypasser"));
                }
            }
        }
        if (!lastPushApproved) {
            PlannedResource first =
                    !rulesets.isEmpty() ? rulesets.get(0) : protections.isEmpty() ? null : protections.get(0);
            out.add(Finding.at(
                    first == null ? Location.NONE : Location.resource(first.urn()),
                    "no active rule on branch " + main + " requires an approving review of the last push",
                    "add a repository ruleset on ~DEFAULT_BRANCH with rules.pullRequest.requireLastPushApproval: true "
                            + "and requiredApprovingReviewCount >= 1"));
        }
    }

    private static boolean coversMain(PlannedResource rs, String main) {
        Map<String, Object> in = rs.inputs();
        if (!"branch".equals(in.get("target")) || !"active".equals(in.get("enforcement"))) {
            return false;
        }
        List<Object> includes = Inputs.list(Inputs.at(in, "conditions", "refName", "includes"));
        List<Object> excludes = Inputs.list(Inputs.at(in, "conditions", "refName", "excludes"));
        return includes.stream().anyMatch(r -> matchesMain(r, main))
                && excludes.stream().noneMatch(r -> matchesMain(r, main));
    }

    private static boolean matchesMain(Object ref, String main) {
        String r = Inputs.string(ref);
        if (r == null) {
            return false;
        }
        String upper = r.toUpperCase(Locale.ROOT);
        return upper.equals("~DEFAULT_BRANCH")
                || upper.equals("~ALL")
                || PathGlob.of(r).matches("refs/heads/" + main)
                || r.equals(main);
    }

    private static boolean approvesLastPush(Object required, Object count) {
        return Inputs.bool(required).orElse(false) && Inputs.number(count).orElse(0) >= 1;
    }
}
