package dev.llmsafe.policy.workflow;

import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.input.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads from the repository every local action and reusable workflow that the workflows call, and what those
 * call in turn. A reference that leaves the repository (through {@code ..} or a link), names no file, or
 * holds YAML that cannot be read is kept with the reason, so the local-actions rule can fail on it.
 */
final class LocalActionReader {
    /** GitHub runs reusable workflows only from this folder, never from a subfolder. */
    private static final Pattern REUSABLE = Pattern.compile("\\.github/workflows/[^/]+\\.ya?ml");

    private static final long MAX_BYTES = 1024 * 1024;

    private final Path root;
    private final Map<String, LocalAction> actions = new LinkedHashMap<>();
    private final Map<String, String> actionProblems = new LinkedHashMap<>();
    private final Set<String> workflows = new LinkedHashSet<>();
    private final Map<String, String> workflowProblems = new LinkedHashMap<>();
    private final List<Workflow> called = new ArrayList<>();

    private LocalActionReader(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /** The locals the given workflows reach; reusable workflows not among them are added to {@code called}. */
    static LocalActions read(Path root, List<Workflow> given, List<Workflow> called) throws IOException {
        LocalActionReader reader = new LocalActionReader(root);
        given.forEach(w -> reader.workflows.add(w.path()));
        Deque<YamlNode.Mapping> todo = new ArrayDeque<>();
        given.forEach(w -> todo.add(w.root()));
        while (!todo.isEmpty()) {
            YamlNode.Mapping next = todo.pop();
            next.mapping("jobs")
                    .ifPresent(jobs -> jobs.entries()
                            .values()
                            .forEach(job -> YamlNode.asMapping(job).ifPresent(j -> {
                                reader.reusable(j.text("uses"), todo);
                                j.sequence("steps").ifPresent(steps -> reader.stepsOf(steps, todo));
                            })));
            next.mapping("runs").flatMap(r -> r.sequence("steps")).ifPresent(steps -> reader.stepsOf(steps, todo));
        }
        called.addAll(reader.called);
        return new LocalActions(reader.actions, reader.actionProblems, reader.workflows, reader.workflowProblems, true);
    }

    private void stepsOf(YamlNode.Sequence steps, Deque<YamlNode.Mapping> todo) {
        for (YamlNode step : steps.items()) {
            YamlNode.asMapping(step)
                    .map(s -> s.text("uses"))
                    .filter(LocalActions::isLocal)
                    .ifPresent(uses -> {
                        String key = LocalActions.key(uses);
                        if (!actions.containsKey(key) && !actionProblems.containsKey(key)) {
                            action(key, todo);
                        }
                    });
        }
    }

    private void action(String key, Deque<YamlNode.Mapping> todo) {
        try {
            Path dir = inside(key);
            Path file = Files.isRegularFile(dir.resolve("action.yml"))
                    ? dir.resolve("action.yml")
                    : dir.resolve("action.yaml");
            String display = (key.isEmpty() ? "" : key + "/") + file.getFileName();
            YamlNode.Mapping yaml = readYaml(file, display);
            LocalAction action = new LocalAction(key, display, yaml);
            actions.put(key, action);
            todo.add(yaml);
        } catch (InputException e) {
            actionProblems.put(key, e.getMessage());
        }
    }

    private void reusable(String uses, Deque<YamlNode.Mapping> todo) {
        if (!LocalActions.isLocal(uses)) {
            return;
        }
        String key = LocalActions.key(uses);
        if (workflows.contains(key) || workflowProblems.containsKey(key)) {
            return;
        }
        try {
            if (!REUSABLE.matcher(key).matches()) {
                throw new InputException(key, "GitHub runs reusable workflows only from .github/workflows/*.yml");
            }
            Path file = inside(key);
            Workflow workflow = WorkflowReader.parse(readText(file, key), key);
            workflows.add(key);
            called.add(workflow);
            todo.add(workflow.root());
        } catch (InputException e) {
            workflowProblems.put(key, e.getMessage());
        }
    }

    /** The path under the repository root, refusing {@code ..}, absolute paths and links that lead out. */
    private Path inside(String key) throws InputException {
        if (key.contains("\\") || List.of(key.split("/", -1)).stream().anyMatch(s -> s.equals("..") || s.equals("."))) {
            throw new InputException("./" + key, "the path leaves the repository or is not one GitHub resolves");
        }
        Path path = root.resolve(key).normalize();
        try {
            if (!path.startsWith(root)
                    || (Files.exists(path) && !path.toRealPath().startsWith(root))) {
                throw new InputException("./" + key, "the path leads out of the repository");
            }
        } catch (IOException e) {
            throw new InputException("./" + key, "cannot be read: " + e.getMessage());
        }
        return path;
    }

    private YamlNode.Mapping readYaml(Path file, String display) throws InputException {
        YamlNode yaml = YamlReader.parse(readText(file, display), display);
        return YamlNode.asMapping(yaml).orElseThrow(() -> new InputException(display, "not a YAML mapping"));
    }

    private String readText(Path file, String display) throws InputException {
        try {
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
                throw new InputException(display, "no such file in the repository");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(display, "larger than 1 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(
                    display, "cannot be read as UTF-8 text (" + e.getClass().getSimpleName() + ")");
        }
    }
}
