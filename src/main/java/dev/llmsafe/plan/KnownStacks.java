package dev.llmsafe.plan;

import dev.llmsafe.naming.StackNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The stacks a project folder has config files for, to tell a user who named another one. */
final class KnownStacks {
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([A-Za-z0-9_.-]+)\\.yaml");
    /** The review config serves every pull-request stack. */
    private static final String REVIEW = "review";

    private KnownStacks() {}

    /** Each {@code Pulumi.<stack>.yaml}, sorted; the review config stands for {@code pr-<N>}. */
    static List<String> of(Path projectDir) {
        try (Stream<Path> files = Files.list(projectDir)) {
            return files.map(p -> STACK_FILE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1).equals(REVIEW) ? StackNames.REVIEW_SHOWN : m.group(1))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static String describe(Path projectDir) {
        List<String> stacks = of(projectDir);
        return stacks.isEmpty()
                ? "it has no Pulumi.<stack>.yaml files at all (is --project-dir right?)"
                : "its stacks are " + String.join(", ", stacks);
    }
}
