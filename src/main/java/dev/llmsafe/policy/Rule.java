package dev.llmsafe.policy;

import java.util.List;

/**
 * One policy rule: a pure function from the inputs to the violations it finds, and how many elements of its
 * kind it judged. Rules never throw for bad input data; a value they cannot judge is itself a finding. A rule
 * that judged nothing is not applicable, never passed.
 */
public interface Rule {
    /** Stable kebab-case id used in policy.yaml, suppressions, reports and SARIF. */
    String id();

    /** One line saying what the rule requires. */
    String description();

    /** The level used unless policy.yaml sets another one. */
    EnforcementLevel defaultLevel();

    RuleCategory category();

    /** Whether the inputs given hold what this rule judges; when not, the rule is reported as skipped. */
    default boolean appliesTo(PolicyInput input) {
        switch (category()) {
            case PLAN:
                return input.plan().isPresent();
            case CHANGE:
                return input.change().isPresent();
            case GATE:
                return input.workflows().isPresent();
            default:
                return true;
        }
    }

    /** Why the rule did not run when {@link #appliesTo} is false. */
    default String skipReason() {
        switch (category()) {
            case PLAN:
                return "no plan given (--plan or --stack)";
            case CHANGE:
                return "no change given (--diff or --all-files)";
            case GATE:
                return "no workflows given (--workflows)";
            default:
                return "its inputs were not given";
        }
    }

    /**
     * What one judged element is, in the plural ("Workload Identity providers"): a verdict that judged none says
     * "no ... to judge", and docs/policies.md lists it per rule.
     */
    String judges();

    /** Judges the inputs, which {@link #appliesTo} has accepted. */
    Judgement judge(PolicyInput input);

    /** The findings of {@link #judge} alone. */
    default List<Finding> check(PolicyInput input) {
        return judge(input).findings();
    }

    /** Why a rule that reads changed files and workflows (either is enough) did not run. */
    String NO_CHANGE_OR_WORKFLOWS = "no change and no workflows given (--diff, --all-files or --workflows)";

    /** For rules that read changed files and workflows: either input is enough. */
    static boolean hasChangeOrWorkflows(PolicyInput input) {
        return input.change().isPresent() || input.workflows().isPresent();
    }
}
