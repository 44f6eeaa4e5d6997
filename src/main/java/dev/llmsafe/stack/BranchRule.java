package dev.llmsafe.stack;

import dev.llmsafe.components.RuntimeTarget;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ordered rule of {@code runtimeBranchRules}: pull requests whose head branch matches {@code pattern} preview on
 * {@code target}. Patterns are globs: {@code *} matches within one path segment, {@code **} across segments,
 * {@code ?} one character other than {@code /}; everything else is literal ({@code release/*} matches
 * {@code release/1.2} but not {@code release/1.2/hotfix}).
 */
public record BranchRule(String pattern, RuntimeTarget target) {

    public BranchRule {
        if (pattern == null
                || pattern.isBlank()
                || pattern.length() > 255
                || pattern.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "branch pattern must be 1-255 characters without spaces, got '" + pattern + "'");
        }
        Objects.requireNonNull(target, "target");
    }

    public boolean matches(String branch) {
        return regex(pattern).matcher(branch).matches();
    }

    static Pattern regex(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                if (c == '?') {
                    re.append("[^/]");
                } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return pattern + " -> " + target.configValue();
    }
}
