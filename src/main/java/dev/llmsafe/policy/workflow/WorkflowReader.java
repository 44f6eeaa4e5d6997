package dev.llmsafe.policy.workflow;

import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.input.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code *.yml} and {@code *.yaml} directly in a workflows folder (GitHub reads no subfolders), with the
 * local actions and reusable workflows they call from the repository root. A workflow file that is not a YAML
 * mapping is an input error naming the file and line.
 */
public final class WorkflowReader {
    private static final long MAX_BYTES = 1024 * 1024;

    private WorkflowReader() {}

    /**
     * @param dir         the folder to read
     * @param displayBase the path shown for {@code dir} in reports (e.g. {@code .github/workflows})
     * @param root        the repository root, against which {@code uses: ./...} resolves
     */
    public static WorkflowSet read(Path dir, String displayBase, Path root) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "no such directory; pass --workflows .github/workflows");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> {
                        String n = p.getFileName().toString();
                        return (n.endsWith(".yml") || n.endsWith(".yaml")) && Files.isRegularFile(p);
                    })
                    .sorted()
                    .toList();
        }
        List<Workflow> workflows = new ArrayList<>();
        for (Path file : files) {
            String display =
                    displayBase.isEmpty() ? file.getFileName().toString() : displayBase + "/" + file.getFileName();
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(display, "larger than 1 MiB; not a workflow GitHub would run");
            }
            workflows.add(parse(Files.readString(file, StandardCharsets.UTF_8), display));
        }
        List<Workflow> called = new ArrayList<>();
        LocalActions locals = LocalActionReader.read(root, workflows, called);
        workflows.addAll(called);
        return new WorkflowSet(
                displayBase, workflows.stream().map(w -> w.withLocals(locals)).toList());
    }

    public static Workflow parse(String text, String display) throws InputException {
        YamlNode root = YamlReader.parse(text, display);
        YamlNode.Mapping map = YamlNode.asMapping(root)
                .orElseThrow(() -> new InputException(
                        display, "line " + root.line() + ": a workflow must be a YAML mapping with on: and jobs:"));
        return new Workflow(display, text, map);
    }
}
