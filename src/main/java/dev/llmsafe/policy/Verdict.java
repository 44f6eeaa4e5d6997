package dev.llmsafe.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one rule concluded. {@code findings} count against the check (at the rule's level); {@code excepted}
 * are findings an allowlist entry or a live suppression covers, kept for the record; {@code judged} is how many
 * elements of its kind the rule looked at (0 unless it ran).
 */
public record Verdict(
        RuleInfo rule,
        EnforcementLevel level,
        Status status,
        String note,
        List<Finding> findings,
        List<ExceptedFinding> excepted,
        int judged) {

    public enum Status {
        /** Judged at least one element and found nothing. */
        PASS,
        /** Mandatory findings: the check fails. */
        FAIL,
        /** Advisory findings: reported, the check still passes. */
        WARN,
        /** Ran, but the inputs hold nothing of its kind to judge; never a pass. */
        NOT_APPLICABLE,
        /** The inputs it judges were not given. */
        SKIPPED,
        /** Disabled in the policy file for this stack kind. */
        DISABLED,
        /** The rule could not reach a verdict; never a pass. */
        ERROR;

        /** The status as the JSON report and the evidence comment write it: {@code pass}, {@code not-applicable}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The status in words, for people: {@code not applicable}. */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** The status a JSON report names by its {@link #value()}, if it names one. */
        public static Optional<Status> ofValue(String value) {
            return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
        }
    }

    /** A rule's identity and documentation, as reports show it. */
    public record RuleInfo(String id, String description, RuleCategory category, EnforcementLevel defaultLevel) {
        public static RuleInfo of(Rule rule) {
            return new RuleInfo(rule.id(), rule.description(), rule.category(), rule.defaultLevel());
        }
    }

    /** A finding that does not count, and why: {@code allowlisted} or {@code suppressed} (until a date). */
    public record ExceptedFinding(Finding finding, String how, String reason, String until) {}

    public Verdict {
        findings = List.copyOf(findings);
        excepted = List.copyOf(excepted);
        if (status == Status.PASS && judged < 1 && excepted.isEmpty()) {
            throw new IllegalArgumentException(rule.id() + " passed without judging anything");
        }
    }

    /**
     * The verdict of a rule that ran and judged {@code judged} elements: it passes when no finding counts, else
     * fails at a mandatory level and warns at an advisory one.
     */
    public static Verdict judged(
            RuleInfo rule, EnforcementLevel level, List<Finding> counted, List<ExceptedFinding> excepted, int judged) {
        Status status =
                counted.isEmpty() ? Status.PASS : level == EnforcementLevel.MANDATORY ? Status.FAIL : Status.WARN;
        return new Verdict(rule, level, status, "", counted, excepted, judged);
    }

    /** A verdict of a rule that did not run (disabled, skipped, error): nothing judged, nothing found. */
    public static Verdict without(RuleInfo rule, EnforcementLevel level, Status status, String note) {
        return new Verdict(rule, level, status, note, List.of(), List.of(), 0);
    }
}
