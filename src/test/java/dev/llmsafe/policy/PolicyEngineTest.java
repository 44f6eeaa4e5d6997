package dev.llmsafe.policy;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.stack.StackKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.llmsafe.policy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyEngineTest {
    private static final PlannedResource FOREIGN = resource("random:index/randomString:RandomString", "r", Map.of());

    /** A rule with fixed findings, to observe what the engine does with them. */
    private static Rule fixed(String id, EnforcementLevel level, Finding... findings) {
        return new Rule() {
            public String id() { return id; }
            public String description() { return "test rule " + id; }
            public EnforcementLevel defaultLevel() { return level; }
            public RuleCategory category() { return RuleCategory.PLAN; }
            public List<Finding> check(PolicyInput input) { return List.of(findings); }
        };
    }

    private static Verdict verdict(PolicyReport report, String id) {
        return report.verdicts().stream().filter(v -> v.rule().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void mandatoryFindingsFailAdvisoryOnesWarnAndCleanRulesPass() {
        Finding f = Finding.at(Location.resource("urn:x"), "bad", "fix it");
        PolicyReport report = new PolicyEngine(List.of(fixed("m", EnforcementLevel.MANDATORY, f), fixed("a", EnforcementLevel.ADVISORY, f),
                fixed("ok", EnforcementLevel.MANDATORY))).evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(report.verdicts()).extracting(Verdict::status)
                .containsExactly(Verdict.Status.FAIL, Verdict.Status.WARN, Verdict.Status.PASS);
        assertThat(report.exitCode()).isEqualTo(1);
        PolicyReport advisoryOnly = new PolicyEngine(List.of(fixed("a", EnforcementLevel.ADVISORY, f))).evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(advisoryOnly.exitCode()).isZero();
    }

    @Test
    void levelsComeFromThePolicyFilePerStackKind() {
        PolicyFile policy = Fixtures.policy("rules:\n  provider-targets:\n    level: advisory\n    kinds: {review: disabled}\n");
        PolicyEngine engine = PolicyEngine.withAllRules();
        assertThat(verdict(engine.evaluate(Fixtures.input(policy, StackKind.STAGING, FOREIGN)), "provider-targets").status())
                .isEqualTo(Verdict.Status.WARN);
        assertThat(verdict(engine.evaluate(Fixtures.input(policy, StackKind.REVIEW, FOREIGN)), "provider-targets").status())
                .isEqualTo(Verdict.Status.DISABLED);
        assertThat(verdict(engine.evaluate(Fixtures.input(StackKind.REVIEW, FOREIGN)), "provider-targets").status())
                .isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void rulesWithoutTheirInputsAreSkippedNotPassed() {
        PolicyReport report = PolicyEngine.withAllRules().evaluate(PolicyInput.builder(PolicyFile.defaults()).build());
        assertThat(verdict(report, "provider-targets").status()).isEqualTo(Verdict.Status.SKIPPED);
        assertThat(verdict(report, "workflow-gates").note()).contains("--workflows");
        assertThat(verdict(report, "suppression-expiry").status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void liveSuppressionsExceptFindingsAndExpiredOnesDoNot() {
        String urn = FOREIGN.urn();
        PolicyFile live = Fixtures.policy("suppressions:\n  - {rule: provider-targets, target: \"" + urn
                + "\", reason: migrating off it, expires: 2025-06-01}\n");
        PolicyReport report = PolicyEngine.withAllRules().evaluate(Fixtures.input(live, StackKind.REVIEW, FOREIGN));
        Verdict targets = verdict(report, "provider-targets");
        assertThat(targets.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(targets.excepted()).singleElement().satisfies(e -> {
            assertThat(e.how()).isEqualTo("suppressed");
            assertThat(e.until()).isEqualTo("2025-06-01");
        });
        assertThat(report.exitCode()).isZero();

        PolicyFile expired = Fixtures.policy("suppressions:\n  - {rule: provider-targets, target: \"" + urn
                + "\", reason: migrating off it, expires: 2025-05-31}\n");
        PolicyReport later = PolicyEngine.withAllRules().evaluate(Fixtures.input(expired, StackKind.REVIEW, FOREIGN));
        assertThat(verdict(later, "provider-targets").status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict(later, "suppression-expiry").status()).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void aRuleThatThrowsIsAnErrorAndNeverAPass() {
        Rule broken = new Rule() {
            public String id() { return "broken"; }
            public String description() { return "throws"; }
            public EnforcementLevel defaultLevel() { return EnforcementLevel.ADVISORY; }
            public RuleCategory category() { return RuleCategory.POLICY; }
            public List<Finding> check(PolicyInput input) { throw new IllegalStateException("boom"); }
        };
        PolicyReport report = new PolicyEngine(List.of(broken)).evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(report.verdicts().get(0).status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(report.verdicts().get(0).note()).contains("boom");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.summary()).startsWith("ERROR");
    }

    @Test
    void everyRegisteredRuleHasAUniqueKebabIdAndADescription() {
        assertThat(RuleRegistry.ids()).hasSize(RuleRegistry.all().size()).hasSize(15);
        assertThat(RuleRegistry.all()).allSatisfy(r -> {
            assertThat(r.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(r.description()).isNotBlank().doesNotContain("\n").endsWith(".");
        });
    }
}
