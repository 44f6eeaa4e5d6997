package dev.llmsafe.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs every rule on one {@link PolicyInput} at the level the policy file sets for the stack kind, and
 * applies allowlists and live suppressions. A rule that throws gets an ERROR verdict, which never passes; so
 * does every plan rule when the plan's stack kind is unknown. A rule that judged nothing of its kind is not
 * applicable, which is not a pass either, and does not change the exit code.
 */
public final class PolicyEngine {
    private final List<Rule> rules;

    public PolicyEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static PolicyEngine withAllRules() {
        return new PolicyEngine(RuleRegistry.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    public PolicyReport evaluate(PolicyInput input) {
        List<Verdict> verdicts = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            verdicts.add(judge(rule, input));
        }
        return new PolicyReport(verdicts, describe(input), input.today());
    }

    private Verdict judge(Rule rule, PolicyInput input) {
        Verdict.RuleInfo info = Verdict.RuleInfo.of(rule);
        EnforcementLevel level = input.policy().levelFor(rule, input.kind());
        if (level == EnforcementLevel.DISABLED) {
            return Verdict.without(
                    info,
                    level,
                    Verdict.Status.DISABLED,
                    "disabled in " + input.policy().source());
        }
        if (rule.category() == RuleCategory.PLAN
                && input.plan().isPresent()
                && input.kind().isEmpty()) {
            // Which plan rules apply, and how, depends on the stack kind: without one there is no verdict.
            return Verdict.without(
                    info,
                    level,
                    Verdict.Status.ERROR,
                    "the plan's stack kind is unknown ("
                            + input.plan().get().document().kind() + "); give --kind");
        }
        if (!rule.appliesTo(input)) {
            return Verdict.without(info, level, Verdict.Status.SKIPPED, rule.skipReason());
        }
        Judgement judgement;
        try {
            judgement = rule.judge(input);
        } catch (RuntimeException e) {
            return Verdict.without(info, level, Verdict.Status.ERROR, "the rule failed on these inputs: " + e);
        }
        if (!judgement.applicable()) {
            String why = judgement.why().isEmpty() ? "no " + rule.judges() + " to judge" : judgement.why();
            return Verdict.without(info, level, Verdict.Status.NOT_APPLICABLE, why);
        }
        List<Finding> counted = new ArrayList<>();
        List<Verdict.ExceptedFinding> excepted = new ArrayList<>();
        for (Finding f : judgement.findings()) {
            Verdict.ExceptedFinding exception = exception(rule.id(), f, input);
            if (exception == null) {
                counted.add(f);
            } else {
                excepted.add(exception);
            }
        }
        return Verdict.judged(info, level, counted, excepted, judgement.judged());
    }

    private static Verdict.ExceptedFinding exception(String ruleId, Finding f, PolicyInput input) {
        if (!f.location().target().isEmpty()) {
            for (AllowlistEntry a : input.policy().allowlist()) {
                if (a.covers(ruleId, f.location())) {
                    return new Verdict.ExceptedFinding(f, "allowlisted", a.reason(), "");
                }
            }
            for (Suppression s : input.policy().suppressions()) {
                if (s.covers(ruleId, f.location(), input.today())) {
                    return new Verdict.ExceptedFinding(
                            f, "suppressed", s.reason(), s.expires().toString());
                }
            }
        }
        return null;
    }

    private static List<String> describe(PolicyInput input) {
        List<String> out = new ArrayList<>();
        input.plan()
                .ifPresent(p -> out.add("plan: stack " + p.document().stack() + " ("
                        + p.document().source()
                        + ", kind " + p.kind().map(k -> k.configValue()).orElse("unknown") + ", "
                        + p.live().size()
                        + " resources, " + p.deletions().size() + " deletions)"));
        input.change()
                .ifPresent(c ->
                        out.add("change: " + c.description() + " (" + c.files().size() + " files, "
                                + c.commits().size() + " commits"
                                + (c.labels().isEmpty() ? "" : ", labels " + new TreeSet<>(c.labels()))
                                + ")"));
        input.workflows()
                .ifPresent(w -> out.add(
                        "workflows: " + w.directory() + " (" + w.workflows().size() + " files)"));
        out.add("policy: " + input.policy().source()
                + (input.policyOrigin().isEmpty() ? "" : " (" + input.policyOrigin() + ")"));
        input.kind().ifPresent(k -> out.add("stack kind: " + k.configValue()));
        return out;
    }
}
