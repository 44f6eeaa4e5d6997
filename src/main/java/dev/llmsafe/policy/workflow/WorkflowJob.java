package dev.llmsafe.policy.workflow;

import dev.llmsafe.policy.input.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One job of a workflow. {@code line} is the line of its id. */
public record WorkflowJob(Workflow workflow, String id, YamlNode.Mapping node, int line) {
    /** Steps of one job once local actions are expanded: bounds actions that call each other many times. */
    public static final int MAX_STEPS = 5_000;

    /** The GitHub Environment the job declares ({@code environment: name} or {@code environment: {name: ...}}). */
    public Optional<String> environment() {
        YamlNode env = node.get("environment");
        if (env instanceof YamlNode.Scalar) {
            return Optional.ofNullable(YamlNode.text(env));
        }
        return YamlNode.asMapping(env).map(m -> m.text("name"));
    }

    public List<String> needs() {
        return YamlNode.texts(node.get("needs"));
    }

    /**
     * The job's steps as GitHub runs them: each step, and after a step that calls a local composite action,
     * that action's steps (to {@link LocalActions#MAX_NESTING} levels, without loops, and at most
     * {@link #MAX_STEPS} steps in all; the local-actions rule fails a job past these).
     */
    public List<WorkflowStep> steps() {
        return steps(StepOrigin.workflow(workflow.path()));
    }

    /** The steps as reached from {@code origin}: a reusable workflow's steps as one caller calls them. */
    public List<WorkflowStep> steps(StepOrigin origin) {
        List<WorkflowStep> out = new ArrayList<>();
        node.sequence("steps").ifPresent(seq -> expand(seq, origin, out));
        return out;
    }

    private void expand(YamlNode.Sequence seq, StepOrigin origin, List<WorkflowStep> out) {
        for (int i = 0; i < seq.items().size(); i++) {
            int index = i;
            YamlNode.asMapping(seq.items().get(i)).ifPresent(m -> {
                WorkflowStep step = new WorkflowStep(this, index, m, origin);
                out.add(step);
                if (!step.nestsTooDeep() && out.size() < MAX_STEPS) {
                    step.localAction()
                            .filter(LocalAction::composite)
                            .ifPresent(
                                    action -> action.steps().ifPresent(inner -> expand(inner, step.into(action), out)));
                }
            });
        }
    }

    /** The reusable workflow the job calls ({@code jobs.<id>.uses}), if any. */
    public Optional<String> uses() {
        return Optional.ofNullable(node.text("uses"));
    }

    /** The job's own {@code env:} over the workflow's. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(workflow.env());
        env.putAll(envOf(node));
        return env;
    }

    /** Scalar values of {@code strategy.matrix.<name>}, for resolving {@code ${{ matrix.name }}}. */
    public List<String> matrixValues(String name) {
        return node.mapping("strategy")
                .flatMap(s -> s.mapping("matrix"))
                .map(m -> YamlNode.texts(m.get(name)))
                .orElse(List.of());
    }

    static Map<String, String> envOf(YamlNode.Mapping owner) {
        Map<String, String> env = new LinkedHashMap<>();
        owner.mapping("env")
                .ifPresent(m -> m.entries().forEach((k, v) -> {
                    if (YamlNode.text(v) != null) {
                        env.put(k, YamlNode.text(v));
                    }
                }));
        return env;
    }
}
