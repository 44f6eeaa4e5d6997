package dev.llmsafe.policy.workflow;

import dev.llmsafe.policy.input.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One GitHub Actions workflow file: its text and its YAML tree with line numbers. {@code path} is as reports
 * should show it; {@code locals} are the repository's local actions and reusable workflows, read with it.
 */
public record Workflow(String path, String text, YamlNode.Mapping root, LocalActions locals) {

    /** A workflow read on its own, without its repository: local actions it calls cannot be judged. */
    public Workflow(String path, String text, YamlNode.Mapping root) {
        this(path, text, root, LocalActions.NONE);
    }

    public Workflow withLocals(LocalActions locals) {
        return new Workflow(path, text, root, locals);
    }

    /** Event names that trigger the workflow ({@code on:} as a name, a list or a mapping), with their lines. */
    public Map<String, Integer> triggers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        YamlNode on = root.get("on");
        if (on == null) {
            on = root.get("true"); // YAML 1.1 readers turn a bare `on` key into boolean true
        }
        if (on instanceof YamlNode.Scalar && YamlNode.text(on) != null) {
            out.put(YamlNode.text(on), on.line());
        } else if (on instanceof YamlNode.Sequence) {
            for (YamlNode item : ((YamlNode.Sequence) on).items()) {
                if (YamlNode.text(item) != null) {
                    out.put(YamlNode.text(item), item.line());
                }
            }
        } else if (on instanceof YamlNode.Mapping) {
            YamlNode.Mapping m = (YamlNode.Mapping) on;
            m.entries().keySet().forEach(k -> out.put(k, m.keyLine(k)));
        }
        return out;
    }

    public List<WorkflowJob> jobs() {
        List<WorkflowJob> out = new ArrayList<>();
        root.mapping("jobs")
                .ifPresent(jobs -> jobs.entries()
                        .forEach((id, node) -> YamlNode.asMapping(node)
                                .ifPresent(m -> out.add(new WorkflowJob(this, id, m, jobs.keyLine(id))))));
        return out;
    }

    public Optional<WorkflowJob> job(String id) {
        return jobs().stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /** The workflow-level {@code env:} mapping, name to value. */
    public Map<String, String> env() {
        return WorkflowJob.envOf(root);
    }
}
