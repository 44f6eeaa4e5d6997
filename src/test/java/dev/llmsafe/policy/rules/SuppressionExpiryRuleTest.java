package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Verdict;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SuppressionExpiryRuleTest {
    private static final PolicyFile POLICY = Fixtures.policy(String.join(
            "\n",
            "suppressions:",
            "  - rule: preview-cost",
            "    target: \"urn:pulumi:pr-7::**\"",
            "    reason: warm instance for the demo",
            "    expires: 2025-05-31",
            "  - rule: dependency-pins",
            "    target: pom.xml",
            "    reason: waiting for a release",
            "    expires: 2025-06-01",
            ""));
    private final SuppressionExpiryRule rule = new SuppressionExpiryRule();

    private static PolicyInput on(LocalDate day) {
        return PolicyInput.builder(POLICY).today(day).build();
    }

    @Test
    void suppressionsWithinTheirDatePass() {
        assertThat(rule.check(on(LocalDate.of(2025, 5, 31)))).isEmpty();
    }

    @Test
    void anExpiredSuppressionIsAViolationAtItsLine() {
        var findings = rule.check(on(LocalDate.of(2025, 6, 1)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message())
                    .isEqualTo("suppression of preview-cost for urn:pulumi:pr-7::** expired on 2025-05-31 "
                            + "(reason given: warm instance for the demo)");
            assertThat(f.location().path()).isEqualTo("policy.yaml");
            assertThat(f.location().line()).isEqualTo(2);
        });
        assertThat(rule.check(on(LocalDate.of(2026, 1, 1)))).hasSize(2);
    }

    @Test
    void aPolicyWithoutSuppressionsIsNotApplicableAndLiveSuppressionsPass() {
        Verdict none = verdict(
                rule,
                PolicyInput.builder(PolicyFile.defaults())
                        .today(LocalDate.of(2025, 6, 1))
                        .build());
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no suppressions in the policy file to judge");
        Verdict live = verdict(rule, on(LocalDate.of(2025, 5, 31)));
        assertThat(live.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(live.judged()).isEqualTo(2);
    }
}
