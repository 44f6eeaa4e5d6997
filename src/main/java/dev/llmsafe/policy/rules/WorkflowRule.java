package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A mandatory rule that judges each workflow given with {@code --workflows}, with the set at hand for the
 * reusable workflows and local actions it calls. Every workflow counts as judged.
 */
abstract class WorkflowRule implements Rule {
    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.GATE;
    }

    @Override
    public String judges() {
        return "workflows";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        WorkflowSet set = input.workflows().orElseThrow();
        List<Finding> out = new ArrayList<>();
        for (Workflow w : set.workflows()) {
            check(w, set, input, out);
        }
        // A local action called by several jobs is reported once.
        return Judgement.of(set.workflows().size(), out.stream().distinct().toList());
    }

    /** Adds what is wrong with one workflow to {@code out}. */
    abstract void check(Workflow w, WorkflowSet set, PolicyInput input, List<Finding> out);
}
