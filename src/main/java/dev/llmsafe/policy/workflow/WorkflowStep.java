package dev.llmsafe.policy.workflow;

import dev.llmsafe.policy.input.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a job: an action ({@code uses:}) or a script ({@code run:}), written in the workflow or in a
 * local composite action the job calls ({@link StepOrigin}). Its text is read with the caller's inputs put in.
 */
public record WorkflowStep(WorkflowJob job, int index, YamlNode.Mapping node, StepOrigin origin) {

    public WorkflowStep(WorkflowJob job, int index, YamlNode.Mapping node) {
        this(job, index, node, StepOrigin.workflow(job.workflow().path()));
    }

    /** The file the step is written in, for findings. */
    public String path() {
        return origin.path();
    }

    /** How reports name the step: {@code step 2 of job build}, or where in a local action it is. */
    public String label() {
        if (origin.depth() > 0) {
            return "step " + (index + 1) + " of " + origin.via();
        }
        return "step " + (index + 1) + " of job " + job.id() + (origin.local() ? " " + origin.via() : "");
    }

    public int line() {
        return node.line();
    }

    public Optional<String> uses() {
        return Optional.ofNullable(node.text("uses"));
    }

    /** The action without its ref, lower-cased: {@code google-github-actions/auth}. */
    public Optional<String> action() {
        return uses().map(u -> {
            int at = u.indexOf('@');
            return (at < 0 ? u : u.substring(0, at)).trim().toLowerCase(Locale.ROOT);
        });
    }

    /** The local action this step calls ({@code uses: ./dir}), when it was read. */
    public Optional<LocalAction> localAction() {
        return uses().filter(LocalActions::isLocal)
                .flatMap(u -> job.workflow().locals().action(u));
    }

    /** Whether the step calls a local composite action that GitHub would nest too deep, or that calls itself. */
    public boolean nestsTooDeep() {
        return localAction()
                .filter(LocalAction::composite)
                .map(a -> origin.depth() + 1 > LocalActions.MAX_NESTING
                        || origin.chain().contains(a.key()))
                .orElse(false);
    }

    /** Where the steps of the local action this step calls come from. */
    StepOrigin into(LocalAction action) {
        Map<String, String> inputs = new LinkedHashMap<>(action.inputDefaults());
        with().forEach((k, v) -> inputs.put(k, v == null ? "" : v));
        List<String> chain = new ArrayList<>(origin.chain());
        chain.add(action.key());
        return new StepOrigin(action.path(), "./" + action.key() + " (" + label() + ")", inputs, env(), chain);
    }

    public Optional<String> run() {
        return Optional.ofNullable(origin.substitute(node.text("run")));
    }

    public int runLine() {
        return node.keyLine("run");
    }

    /** The step's {@code with:} inputs, name to scalar value. */
    public Map<String, String> with() {
        Map<String, String> with = new LinkedHashMap<>();
        node.mapping("with")
                .ifPresent(m -> m.entries().forEach((k, v) -> with.put(k, origin.substitute(YamlNode.text(v)))));
        return with;
    }

    public int withLine(String key) {
        return node.mapping("with").map(m -> m.keyLine(key)).orElse(line());
    }

    /** Step env over the calling step's (in a local action) or the job's and the workflow's. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(origin.depth() > 0 ? origin.env() : job.env());
        WorkflowJob.envOf(node).forEach((k, v) -> env.put(k, origin.substitute(v)));
        return env;
    }
}
