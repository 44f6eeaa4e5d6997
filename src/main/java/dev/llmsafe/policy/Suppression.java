package dev.llmsafe.policy;

import java.time.LocalDate;

/**
 * A temporary exception in policy.yaml: findings of {@code rule} at {@code target} (a resource URN or path,
 * a {@link PathGlob}; {@code **} spans {@code /}) are suppressed until {@code expires} (inclusive). After
 * that the suppression no longer applies and is itself reported by the {@code suppression-expiry} rule. An old
 * rule id suppresses the findings of every rule it now stands for ({@link RuleRegistry#resolve}).
 */
public record Suppression(String rule, String target, String reason, LocalDate expires, int line) {
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    public boolean covers(String ruleId, Location location, LocalDate today) {
        return !expiredOn(today)
                && RuleRegistry.resolve(rule).contains(ruleId)
                && PathGlob.of(target).matches(location.target());
    }
}
