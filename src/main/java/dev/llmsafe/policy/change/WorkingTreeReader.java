package dev.llmsafe.policy.change;

import dev.llmsafe.policy.input.InputException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole working tree as a change of {@link FileStatus#PRESENT} files ({@code --all-files}): the files git
 * tracks or would track (ignored files left out), or, outside a git repository, every file below the folder
 * except build output and tool folders.
 */
public final class WorkingTreeReader {
    private static final Set<String> SKIPPED_DIRS =
            Set.of(".git", "target", "node_modules", ".idea", ".vscode", ".jqwik-database");
    private static final int MAX_FILES = 100_000;

    private WorkingTreeReader() {}

    public static ChangeSet read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "no such directory");
        }
        Path root = dir.toAbsolutePath().normalize();
        List<String> paths;
        try {
            paths = gitFiles(root);
        } catch (InputException notARepository) {
            paths = walk(root);
        }
        List<ChangedFile> files = new ArrayList<>();
        for (String path : paths) {
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Files.isSymbolicLink(file)) {
                files.add(ChangedFile.present(
                        path,
                        ChangedFile.SYMLINK_MODE,
                        Files.readSymbolicLink(file).toString()));
            } else if (Files.isRegularFile(file)) {
                long size = Files.size(file);
                byte[] bytes = size > TextContent.MAX_BYTES ? null : Files.readAllBytes(file);
                files.add(ChangedFile.present(
                        path, Files.isExecutable(file) ? "100755" : "100644", TextContent.read(bytes, size)));
            }
        }
        return new ChangeSet("working tree " + dir, files, List.of(), Set.of(), true);
    }

    private static List<String> gitFiles(Path root) throws InputException {
        String out = new GitRunner(root).text("ls-files", "-z", "--cached", "--others", "--exclude-standard");
        Set<String> paths = new LinkedHashSet<>();
        for (String p : out.split("\0")) {
            if (!p.isEmpty()) {
                paths.add(p);
            }
        }
        return new ArrayList<>(paths);
    }

    private static List<String> walk(Path root) throws IOException {
        List<String> paths = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return !d.equals(root) && SKIPPED_DIRS.contains(d.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (paths.size() >= MAX_FILES) {
                    throw new InputException(
                            root.toString(), "more than " + MAX_FILES + " files; judge a change (--diff) instead");
                }
                paths.add(
                        root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"));
                return FileVisitResult.CONTINUE;
            }
        });
        return paths;
    }
}
