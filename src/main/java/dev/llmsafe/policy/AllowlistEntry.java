package dev.llmsafe.policy;

/**
 * A lasting exception in policy.yaml: findings of {@code rule} whose file or resource matches {@code path}
 * (a {@link PathGlob}) are not violations. Every entry carries its reason. An old rule id covers every rule it now
 * stands for ({@link RuleRegistry#resolve}).
 */
public record AllowlistEntry(String rule, String path, String reason, int line) {
    public boolean covers(String ruleId, Location location) {
        return RuleRegistry.resolve(rule).contains(ruleId) && PathGlob.of(path).matches(location.target());
    }
}
