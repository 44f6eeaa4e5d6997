package dev.llmsafe.policy;

/**
 * A lasting exception in policy.yaml: findings of {@code rule} whose file or resource matches {@code path}
 * (a {@link PathGlob}) are not violations. Every entry carries its reason.
 */
public record AllowlistEntry(String rule, String path, String reason, int line) {
    public boolean covers(String ruleId, Location location) {
        return rule.equals(ruleId) && PathGlob.of(path).matches(location.target());
    }
}
