package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.workflow.LocalAction;
import dev.llmsafe.policy.workflow.LocalActions;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowJob;
import dev.llmsafe.policy.workflow.WorkflowStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workflow rules judge a local composite action's steps as steps of the job that calls it, and a
 * reusable workflow of the repository as a workflow. What they cannot read they cannot judge, so every
 * {@code uses: ./...} names a composite action or a reusable workflow that was read: not a missing file, not a
 * path out of the repository, not an action whose code (JavaScript, a Docker image) the rules cannot read, and
 * not nested deeper than GitHub runs.
 */
public final class LocalActionsRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "local-actions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Every local action and reusable workflow a workflow calls is in the repository and judged with it.";
    }

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
        return "local actions or reusable workflows that workflows call";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        List<Finding> out = new ArrayList<>();
        int judged = 0;
        for (Workflow w : input.workflows().orElseThrow().workflows()) {
            LocalActions locals = w.locals();
            for (WorkflowJob job : w.jobs()) {
                Optional<String> called = job.uses().filter(LocalActions::isLocal);
                if (called.isPresent()) {
                    judged++;
                    locals.workflowProblem(called.get())
                            .ifPresent(
                                    why -> out.add(
                                            Finding.at(
                                                    Location.file(
                                                            w.path(), job.node().keyLine("uses")),
                                                    "job " + job.id() + " calls "
                                                            + called.get().trim() + ", which cannot be judged: " + why,
                                                    "commit the reusable workflow as .github/workflows/<name>.yml, or call it pinned by SHA")));
                }
                List<WorkflowStep> steps = job.steps();
                for (WorkflowStep step : steps) {
                    Optional<String> uses = step.uses().filter(LocalActions::isLocal);
                    if (uses.isPresent()) {
                        judged++;
                        judgeStep(step, uses.get().trim(), locals, out);
                    }
                }
                if (steps.size() >= WorkflowJob.MAX_STEPS) {
                    out.add(Finding.at(
                            Location.file(w.path(), job.line()),
                            "job " + job.id() + " runs more than " + WorkflowJob.MAX_STEPS
                                    + " steps once its local actions are expanded, so not all were judged",
                            "call local actions fewer times"));
                }
            }
        }
        return Judgement.of(judged, out.stream().distinct().toList());
    }

    private static void judgeStep(WorkflowStep step, String uses, LocalActions locals, List<Finding> out) {
        Location at = Location.file(step.path(), step.node().keyLine("uses"));
        String fix = "commit the action as a composite action (runs.using: composite) in <dir>/action.yml";
        var problem = locals.actionProblem(uses);
        if (problem.isPresent()) {
            out.add(Finding.at(
                    at, step.label() + " calls " + uses + ", which cannot be judged: " + problem.get(), fix));
            return;
        }
        LocalAction action = locals.action(uses).orElseThrow();
        if (!action.composite()) {
            out.add(Finding.at(
                    at,
                    step.label() + " calls " + uses + ", which runs "
                            + action.using().orElse("nothing GitHub runs") + " code the workflow rules cannot read ("
                            + action.path() + ")",
                    fix + ", or publish it and pin it by commit SHA"));
        } else if (step.nestsTooDeep()) {
            out.add(Finding.at(
                    at,
                    step.label() + " calls " + uses + " more than " + LocalActions.MAX_NESTING
                            + " local actions deep or in a loop, which GitHub does not run",
                    "remove the loop, or call fewer actions from actions"));
        }
    }
}
