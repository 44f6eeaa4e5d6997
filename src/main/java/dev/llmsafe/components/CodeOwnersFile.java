package dev.llmsafe.components;

import java.util.List;

/** The CODEOWNERS file the governance component commits: every governed path owned by the same owners. */
public final class CodeOwnersFile {
    /** GitHub reads {@code .github/CODEOWNERS} before the root and docs/ locations, so this one wins. */
    public static final String PATH = ".github/CODEOWNERS";

    private CodeOwnersFile() {
    }

    public static String render(List<String> owners, List<String> paths) {
        StringBuilder out = new StringBuilder();
        out.append("# Managed by the llm-safe platform stack (config keys codeOwners and codeOwnedPaths).\n");
        out.append("# Change those keys, not this file: the next `pulumi up -s platform` rewrites it.\n");
        out.append("# These paths decide how and where code is deployed, so their owners must approve changes.\n");
        String who = String.join(" ", owners);
        int width = paths.stream().mapToInt(String::length).max().orElse(0);
        for (String path : paths) {
            out.append(path).append(" ".repeat(width - path.length() + 1)).append(who).append('\n');
        }
        return out.toString();
    }
}
