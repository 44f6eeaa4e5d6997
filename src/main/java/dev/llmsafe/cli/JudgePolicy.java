package dev.llmsafe.cli;

import dev.llmsafe.files.CliFiles;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.change.BaseRevision;
import dev.llmsafe.policy.change.GitChangeReader;
import dev.llmsafe.policy.input.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The policy {@code policy check} judges with, and where it came from. A change ({@code --diff BASE..HEAD}) is
 * judged by the policy file as BASE has it: the change's own copy, which may relax or disable rules, is never
 * read, and a change to the policy file is judged by the base's policy. Without a diff the working tree's file
 * is used, and the report says so.
 */
record JudgePolicy(PolicyFile file, String origin) {
    static final String DEFAULT_NAME = "policy.yaml";

    /**
     * @param option the {@code --policy} path (relative to the current directory), or null for
     *               {@code policy.yaml} in the project folder
     * @param base   the base of {@code --diff}, or null without a diff
     */
    static JudgePolicy choose(Path projectDir, Path option, GitChangeReader.Range base, PrintWriter err)
            throws IOException {
        return base == null ? fromWorkingTree(projectDir, option, err) : fromBase(projectDir, option, base, err);
    }

    private static JudgePolicy fromBase(Path projectDir, Path option, GitChangeReader.Range range, PrintWriter err)
            throws IOException {
        String path = option == null ? DEFAULT_NAME : insideProject(projectDir, option);
        BaseRevision base = BaseRevision.of(projectDir, range);
        String origin = "as of the base " + base.revision() + ", commit " + base.shortCommit()
                + "; the change's own copy is not used";
        Optional<byte[]> bytes = base.file(path);
        if (bytes.isEmpty()) {
            err.println("llmsafe policy check: the base " + base.revision() + " has no " + path
                    + "; every rule at its default level");
            return new JudgePolicy(PolicyFile.defaults(), origin);
        }
        err.println("llmsafe policy check: judging with " + path + " as of the base " + base.revision() + " ("
                + base.shortCommit() + ")");
        return new JudgePolicy(PolicyFile.read(bytes.get(), path), origin);
    }

    private static JudgePolicy fromWorkingTree(Path projectDir, Path option, PrintWriter err) throws IOException {
        Path file = option != null ? option : projectDir.resolve(DEFAULT_NAME);
        if (option == null && !Files.isRegularFile(file)) {
            err.println("llmsafe policy check: no policy.yaml in " + projectDir + "; every rule at its default level");
            return new JudgePolicy(PolicyFile.defaults(), "");
        }
        String name = relative(projectDir, file).orElse(file.toString());
        err.println("llmsafe policy check: judging with " + name + " from the working tree");
        String label = option != null ? CliFiles.label("--policy", option) : name;
        return new JudgePolicy(PolicyFile.read(CliFiles.readBytes(file, label), name), "working tree");
    }

    private static String insideProject(Path projectDir, Path option) throws InputException {
        return relative(projectDir, option)
                .orElseThrow(() -> new InputException(
                        "--policy " + option,
                        "is outside the repository, so it cannot be read at the base of --diff; name a file inside "
                                + projectDir + " (or leave --policy out for policy.yaml)"));
    }

    /** The path relative to the project folder with '/' separators, when it is inside it. */
    static Optional<String> relative(Path projectDir, Path path) {
        Path root = projectDir.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(p).toString().replace('\\', '/'));
    }
}
