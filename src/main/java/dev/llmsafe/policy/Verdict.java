package dev.llmsafe.policy;

import java.util.List;

/**
 * What one rule concluded. {@code findings} count against the check (at the rule's level); {@code excepted}
 * are findings an allowlist entry or a live suppression covers, kept for the record.
 */
public record Verdict(RuleInfo rule, EnforcementLevel level, Status status, String note, List<Finding> findings,
                      List<ExceptedFinding> excepted) {

    public enum Status {
        /** Ran and found nothing. */
        PASS,
        /** Mandatory findings: the check fails. */
        FAIL,
        /** Advisory findings: reported, the check still passes. */
        WARN,
        /** The inputs it judges were not given. */
        SKIPPED,
        /** Disabled in the policy file for this stack kind. */
        DISABLED,
        /** The rule could not reach a verdict; never a pass. */
        ERROR
    }

    /** A rule's identity and documentation, as reports show it. */
    public record RuleInfo(String id, String description, RuleCategory category, EnforcementLevel defaultLevel) {
        public static RuleInfo of(Rule rule) {
            return new RuleInfo(rule.id(), rule.description(), rule.category(), rule.defaultLevel());
        }
    }

    /** A finding that does not count, and why: {@code allowlisted} or {@code suppressed} (until a date). */
    public record ExceptedFinding(Finding finding, String how, String reason, String until) {
    }

    public Verdict {
        findings = List.copyOf(findings);
        excepted = List.copyOf(excepted);
    }
}
