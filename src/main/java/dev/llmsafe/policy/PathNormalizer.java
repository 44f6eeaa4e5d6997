package dev.llmsafe.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a path from a diff into the one form protected-path patterns are matched against, or rejects it.
 * Rejected: empty, absolute (leading {@code /} or a drive letter), {@code ..} or all-dot segments,
 * backslashes, NUL, control, format (bidi overrides, zero-width) and unpaired surrogate characters, bytes
 * that are not UTF-8, checked
 * both before and after Unicode NFKC normalisation (full-width {@code ．．} becomes {@code ..}).
 */
public final class PathNormalizer {
    private static final int MAX_LENGTH = 4096;

    private PathNormalizer() {}

    /** The outcome: a normalised path (as shown, and folded for matching) or why it was rejected. */
    public record Result(String path, String folded, String rejection) {
        public boolean ok() {
            return rejection == null;
        }
    }

    public static Result normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return rejected("the path is empty");
        }
        if (raw.length() > MAX_LENGTH) {
            return rejected("the path is longer than " + MAX_LENGTH + " characters");
        }
        String bad = badCharacter(raw);
        if (bad != null) {
            return rejected("the path contains " + bad);
        }
        String normal = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        bad = badCharacter(normal);
        if (bad != null) {
            return rejected("the path contains " + bad + " after Unicode normalisation");
        }
        if (normal.indexOf('\\') >= 0) {
            return rejected("the path contains a backslash");
        }
        if (normal.startsWith("/") || normal.matches("(?s)[A-Za-z]:.*")) {
            return rejected("the path is absolute");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : normal.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.length() >= 2 && segment.chars().allMatch(c -> c == '.')) {
                return rejected("the path has a '" + segment + "' segment");
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            return rejected("the path names no file");
        }
        if (segments.get(0).matches("(?s)[A-Za-z]:.*")) {
            return rejected("the path is absolute"); // ./C:/x is as absolute as C:/x once normalised
        }
        String path = String.join("/", segments);
        return new Result(path, fold(path), null);
    }

    /**
     * Where a symbolic link at {@code linkPath} points, as a repository path: {@code target} is read relative to
     * the link's folder, {@code ..} resolved, then normalised like any path. An absolute target, or one that
     * leaves the repository, is rejected: where it lands cannot be judged.
     */
    public static Result linkTarget(String linkPath, String target) {
        if (target == null || target.isEmpty()) {
            return rejected("the link's target is unknown");
        }
        if (target.startsWith("/") || target.matches("(?s)[A-Za-z]:.*")) {
            return rejected("the link points to an absolute path");
        }
        List<String> segments = new ArrayList<>(List.of(linkPath.split("/", -1)));
        segments.remove(segments.size() - 1);
        for (String segment : target.split("/", -1)) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return rejected("the link points outside the repository");
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return normalize(String.join("/", segments));
    }

    /** Unicode-normalised and case-folded text: how paths, patterns and logins are compared. */
    public static String fold(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return Normalizer.normalize(n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    /** Shows a hostile path safely: control and format characters as {@code \\uXXXX}. */
    public static String printable(String raw) {
        if (raw == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(300).forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (raw.codePointCount(0, raw.length()) > 300) {
            out.append("...");
        }
        return out.toString();
    }

    private static String badCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (cp == 0) {
                return "a NUL character";
            }
            if (type == Character.CONTROL
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return String.format("a control character (U+%04X)", cp);
            }
            if (type == Character.FORMAT) {
                return String.format("an invisible format character (U+%04X)", cp);
            }
            if (type == Character.SURROGATE) {
                return "an unpaired surrogate";
            }
            if (cp == 0xFFFD) {
                return "bytes that are not UTF-8 (shown as U+FFFD)";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static Result rejected(String why) {
        return new Result(null, null, why);
    }
}
