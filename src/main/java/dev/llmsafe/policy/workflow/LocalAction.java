package dev.llmsafe.policy.workflow;

import dev.llmsafe.policy.input.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An action of the repository itself ({@code uses: ./dir} reads {@code dir/action.yml}, else
 * {@code dir/action.yaml}).
 *
 * @param key  the folder relative to the repository root, e.g. {@code .github/actions/deploy}
 * @param path the file read, as reports show it
 */
public record LocalAction(String key, String path, YamlNode.Mapping root) {

    /** {@code runs.using}: {@code composite}, {@code docker}, {@code node20}, ... */
    public Optional<String> using() {
        return root.mapping("runs").map(r -> r.text("using"));
    }

    /** A composite action's steps run in the calling job, so they are judged as the job's steps. */
    public boolean composite() {
        return using().map("composite"::equals).orElse(false);
    }

    public Optional<YamlNode.Sequence> steps() {
        return root.mapping("runs").flatMap(r -> r.sequence("steps"));
    }

    /** The line of {@code runs.using}, for findings about the kind of action. */
    public int usingLine() {
        return root.mapping("runs").map(r -> r.keyLine("using")).orElse(root.keyLine("runs"));
    }

    /** Input name to its default text ("" when it has none, as GitHub passes an input not given). */
    public Map<String, String> inputDefaults() {
        Map<String, String> out = new LinkedHashMap<>();
        root.mapping("inputs")
                .ifPresent(inputs -> inputs.entries().forEach((name, spec) -> {
                    String value =
                            YamlNode.asMapping(spec).map(s -> s.text("default")).orElse(null);
                    out.put(name, value == null ? "" : value);
                }));
        return out;
    }

    /** The {@code uses:} of its steps with their lines, for reading what it calls in turn. */
    List<YamlNode> stepNodes() {
        return steps().map(YamlNode.Sequence::items).orElse(List.of());
    }
}
