package dev.llmsafe.policy;

import java.util.List;

/**
 * One policy rule: a pure function from the inputs to the violations it finds. Rules never throw for bad
 * input data; a value they cannot judge is itself a finding.
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
                return "not applicable";
        }
    }

    List<Finding> check(PolicyInput input);

    /** Why a rule that reads changed files and workflows (either is enough) did not run. */
    String NO_CHANGE_OR_WORKFLOWS = "no change and no workflows given (--diff, --all-files or --workflows)";

    /** For rules that read changed files and workflows: either input is enough. */
    static boolean hasChangeOrWorkflows(PolicyInput input) {
        return input.change().isPresent() || input.workflows().isPresent();
    }
}
