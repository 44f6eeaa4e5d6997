package dev.llmsafe.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path pattern: {@code **} spans directories, {@code *} and {@code ?} stay within one. Patterns and paths
 * compare Unicode-normalised and case-folded ({@link PathNormalizer#fold}), so {@code POM.xml} and a
 * full-width {@code ｐｏｍ.xml} both match {@code pom.xml}.
 */
public final class PathGlob {
    private final String pattern;
    private final Pattern regex;

    private PathGlob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    public static PathGlob of(String pattern) {
        String folded = PathNormalizer.fold(pattern);
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < folded.length()) {
            char c = folded.charAt(i);
            if (folded.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 3;
            } else if (folded.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                int cp = folded.codePointAt(i);
                re.append(Pattern.quote(new String(Character.toChars(cp))));
                i += Character.charCount(cp);
            }
        }
        return new PathGlob(pattern, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /** Whether the text (a path or URN, folded here) matches the whole pattern. */
    public boolean matches(String text) {
        return text != null && regex.matcher(PathNormalizer.fold(text)).matches();
    }

    /** Whether an already-folded text matches; saves folding the same path once per pattern. */
    public boolean matchesFolded(String folded) {
        return folded != null && regex.matcher(folded).matches();
    }

    /**
     * Whether the pattern could match something inside the folder {@code folded} (already folded): how a
     * submodule is judged, since the change does not show the files below it.
     */
    public boolean matchesBelowFolded(String folded) {
        if (folded == null) {
            return false;
        }
        Matcher m = regex.matcher(folded + "/");
        // hitEnd: the input ran out while the pattern could still match, so some path below would match.
        return m.matches() || m.hitEnd();
    }

    /**
     * Whether the pattern covers every file of the folder {@code folded} (already folded), as {@code .github/**}
     * covers {@code .github/workflows}: checked with a file name no pattern names (a NUL), so a pattern for
     * particular names ({@code **}{@code /pom.xml}) does not count.
     */
    public boolean coversFolderFolded(String folded) {
        return folded != null && regex.matcher(folded + "/\0").matches();
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
