package dev.llmsafe.policy.workflow;

import dev.llmsafe.policy.input.YamlNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One step of a job: an action ({@code uses:}) or a script ({@code run:}). */
public record WorkflowStep(WorkflowJob job, int index, YamlNode.Mapping node) {

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
            return (at < 0 ? u : u.substring(0, at)).trim().toLowerCase(java.util.Locale.ROOT);
        });
    }

    public Optional<String> run() {
        return Optional.ofNullable(node.text("run"));
    }

    public int runLine() {
        return node.keyLine("run");
    }

    /** The step's {@code with:} inputs, name to scalar value. */
    public Map<String, String> with() {
        Map<String, String> with = new LinkedHashMap<>();
        node.mapping("with").ifPresent(m -> m.entries().forEach((k, v) -> with.put(k, YamlNode.text(v))));
        return with;
    }

    public int withLine(String key) {
        return node.mapping("with").map(m -> m.keyLine(key)).orElse(line());
    }

    /** Step env over job env over workflow env. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(job.env());
        env.putAll(WorkflowJob.envOf(node));
        return env;
    }
}
