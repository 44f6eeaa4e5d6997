package dev.llmsafe.components;

import java.util.List;
import java.util.Optional;

/**
 * The CODEOWNERS file: every governed path owned by the same owners. The governance component commits it once;
 * the repository keeps it, and {@code llmsafe codeowners} checks it against the config.
 */
public final class CodeOwnersFile {
    /** GitHub reads {@code .github/CODEOWNERS} before the root and docs/ locations, so this one wins. */
    public static final String PATH = ".github/CODEOWNERS";

    private CodeOwnersFile() {}

    /** Where {@code actual} first departs from {@code expected}: the line number and both texts; empty if equal. */
    public static Optional<String> firstDifference(String expected, String actual) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        List<String> want = expected.lines().toList();
        List<String> have = actual.lines().toList();
        int line = 0;
        while (line < want.size() && line < have.size() && want.get(line).equals(have.get(line))) {
            line++;
        }
        String wanted = line < want.size() ? "\"" + want.get(line) + "\"" : "the end of the file";
        String found = line < have.size() ? "\"" + have.get(line) + "\"" : "the end of the file";
        if (line == want.size() && line == have.size()) {
            return Optional.of("the line breaks differ");
        }
        return Optional.of("line " + (line + 1) + " should be " + wanted + " but is " + found);
    }

    public static String render(List<String> owners, List<String> paths) {
        StringBuilder out = new StringBuilder();
        out.append("# Rendered from the platform stack's codeOwners and codeOwnedPaths (Pulumi.platform.yaml).\n");
        out.append("# Change the keys and this file in one pull request: `llmsafe codeowners --write` renders it,\n");
        out.append("# and `llmsafe codeowners` fails CI while the two disagree.\n");
        out.append("# These paths decide how and where code is deployed, so their owners must approve changes.\n");
        String who = String.join(" ", owners);
        int width = paths.stream().mapToInt(String::length).max().orElse(0);
        for (String path : paths) {
            out.append(path)
                    .append(" ".repeat(width - path.length() + 1))
                    .append(who)
                    .append('\n');
        }
        return out.toString();
    }
}
