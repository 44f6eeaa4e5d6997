package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.Suppression;
import java.util.ArrayList;
import java.util.List;

/**
 * Every suppression in policy.yaml is still within its expiry date. An expired one no longer suppresses
 * anything, and is itself a violation until it is removed or renewed with a reason.
 */
public final class SuppressionExpiryRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "suppression-expiry";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "No suppression in the policy file is past its expiry date.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.POLICY;
    }

    @Override
    public String judges() {
        return "suppressions in the policy file";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        List<Finding> out = new ArrayList<>();
        for (Suppression s : input.policy().suppressions()) {
            if (s.expiredOn(input.today())) {
                out.add(Finding.at(
                        Location.file(input.policy().source(), s.line()),
                        "suppression of " + s.rule() + " for " + s.target() + " expired on " + s.expires()
                                + " (reason given: " + s.reason() + ")",
                        "fix the finding and remove the suppression, or renew it with a new date and reason"));
            }
        }
        return Judgement.of(input.policy().suppressions().size(), out);
    }
}
