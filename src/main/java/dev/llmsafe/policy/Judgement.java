package dev.llmsafe.policy;

import java.util.List;
import java.util.Objects;

/**
 * What a rule's check saw: how many elements of its kind (resources, files, workflows, suppressions) it judged,
 * and what it found wrong with them. A rule that judged nothing and found nothing is not applicable, never
 * passed: a pass says something was looked at.
 *
 * @param judged   the elements of the rule's kind in the inputs; never counts what the rule skipped over
 * @param findings what is wrong, as {@link Rule#check} returns it
 * @param why      why nothing was judged, when that says more than the rule's {@link Rule#judges()}; else empty
 */
public record Judgement(int judged, List<Finding> findings, String why) {
    public Judgement {
        if (judged < 0) {
            throw new IllegalArgumentException("judged " + judged + " elements");
        }
        findings = List.copyOf(findings);
        Objects.requireNonNull(why, "why");
    }

    public static Judgement of(int judged, List<Finding> findings) {
        return new Judgement(judged, findings, "");
    }

    /** Nothing of the rule's kind in these inputs, for a reason of its own (a stack kind the rule is not for). */
    public static Judgement notApplicable(String why) {
        return new Judgement(0, List.of(), why);
    }

    /** Whether the rule judged anything: an element of its kind, or a finding about the inputs as a whole. */
    public boolean applicable() {
        return judged > 0 || !findings.isEmpty();
    }
}
