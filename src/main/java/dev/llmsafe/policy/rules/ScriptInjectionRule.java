package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.workflow.LocalActions;
import dev.llmsafe.policy.workflow.StepOrigin;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowJob;
import dev.llmsafe.policy.workflow.WorkflowSet;
import dev.llmsafe.policy.workflow.WorkflowStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No untrusted text is run as code: no {@code ${{ github.event... }}} text (other than numbers, ids and SHAs) or
 * {@code ${{ github.head_ref }}} is interpolated into a {@code run:} script or a {@code github-script}, in the
 * workflow, the local actions its jobs call, or a reusable workflow it calls with that text as an input.
 */
public final class ScriptInjectionRule extends WorkflowRule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "script-injection";

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern UNTRUSTED =
            Pattern.compile("github\\.event\\.[A-Za-z0-9_.\\[\\]'\"*-]+|github\\.head_ref");
    /** Fields GitHub fills with numbers, ids, SHAs or fixed words: safe in a script. */
    private static final Set<String> SAFE_FIELDS = Set.of(
            "number",
            "id",
            "sha",
            "head_sha",
            "before",
            "after",
            "merged",
            "draft",
            "action",
            "run_id",
            "run_number",
            "run_attempt",
            "node_id",
            "created_at",
            "updated_at",
            "forced");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "No untrusted event text is interpolated into a workflow's scripts.";
    }

    @Override
    void check(Workflow w, WorkflowSet set, PolicyInput input, List<Finding> out) {
        for (WorkflowJob job : w.jobs()) {
            job.uses().filter(LocalActions::isLocal).ifPresent(uses -> calledWith(w, job, uses, set, out));
            for (WorkflowStep step : job.steps()) {
                step.run().ifPresent(script -> injection(step, script, step.runLine(), out));
                if (step.action().map(a -> a.equals("actions/github-script")).orElse(false)
                        && step.with().get("script") != null) {
                    injection(step, step.with().get("script"), step.withLine("script"), out);
                }
            }
        }
    }

    /**
     * A reusable workflow of the repository, read with the inputs this job passes: a script there that puts
     * {@code ${{ inputs.x }}} into a command runs whatever text the caller passed as {@code x}.
     */
    private static void calledWith(Workflow w, WorkflowJob job, String uses, WorkflowSet set, List<Finding> out) {
        String key = LocalActions.key(uses);
        set.workflows().stream().filter(c -> c.path().equals(key)).findFirst().ifPresent(callee -> {
            Map<String, String> inputs = new LinkedHashMap<>();
            callee.root()
                    .mapping("on")
                    .flatMap(on -> on.mapping("workflow_call"))
                    .flatMap(c -> c.mapping("inputs"))
                    .ifPresent(in -> in.entries()
                            .forEach((name, spec) -> inputs.put(
                                    name,
                                    Objects.requireNonNullElse(
                                            YamlNode.asMapping(spec)
                                                    .map(m -> m.text("default"))
                                                    .orElse(null),
                                            ""))));
            job.node()
                    .mapping("with")
                    .ifPresent(with -> with.entries()
                            .forEach((k, v) -> inputs.put(k, Objects.requireNonNullElse(YamlNode.text(v), ""))));
            StepOrigin origin = new StepOrigin(
                    callee.path(), "(called by job " + job.id() + " of " + w.path() + ")", inputs, Map.of(), List.of());
            for (WorkflowJob calleeJob : callee.jobs()) {
                for (WorkflowStep step : calleeJob.steps(origin)) {
                    String raw = step.node().text("run");
                    if (raw != null && raw.contains("inputs.")) {
                        injection(step, step.run().orElse(""), step.runLine(), out);
                    }
                }
            }
        });
    }

    private static void injection(WorkflowStep step, String script, int line, List<Finding> out) {
        Matcher expr = EXPRESSION.matcher(script);
        while (expr.find()) {
            Matcher ref = UNTRUSTED.matcher(expr.group(1));
            while (ref.find()) {
                String field = ref.group();
                String last = field.substring(field.lastIndexOf('.') + 1);
                if (field.equals("github.head_ref") || !SAFE_FIELDS.contains(last)) {
                    out.add(Finding.at(
                            Location.file(step.path(), line),
                            step.label() + " interpolates ${{ " + field
                                    + " }} into a script; whoever writes that text can run commands",
                            "pass it through env: (e.g. TITLE: ${{ " + field
                                    + " }}) and use \"$TITLE\" in the script"));
                }
            }
        }
    }
}
