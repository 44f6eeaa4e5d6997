package dev.llmsafe.policy;

import static dev.llmsafe.policy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.rules.DeployGatesRule;
import dev.llmsafe.stack.StackKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private static final PlannedResource FOREIGN = resource("random:index/randomString:RandomString", "r", Map.of());

    /** A rule with fixed findings, having judged one element, to observe what the engine does with them. */
    private static Rule fixed(String id, EnforcementLevel level, Finding... findings) {
        return judging(id, level, new Judgement(1, List.of(findings), ""));
    }

    /** A rule that always judges the same. */
    private static Rule judging(String id, EnforcementLevel level, Judgement judgement) {
        return new Rule() {
            public String id() {
                return id;
            }

            public String description() {
                return "test rule " + id;
            }

            public EnforcementLevel defaultLevel() {
                return level;
            }

            public RuleCategory category() {
                return RuleCategory.PLAN;
            }

            public String judges() {
                return "widgets";
            }

            public Judgement judge(PolicyInput input) {
                return judgement;
            }
        };
    }

    private static Verdict verdict(PolicyReport report, String id) {
        return report.verdicts().stream()
                .filter(v -> v.rule().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void mandatoryFindingsFailAdvisoryOnesWarnAndCleanRulesPass() {
        Finding f = Finding.at(Location.resource("urn:x"), "bad", "fix it");
        PolicyReport report = new PolicyEngine(List.of(
                        fixed("m", EnforcementLevel.MANDATORY, f),
                        fixed("a", EnforcementLevel.ADVISORY, f),
                        fixed("ok", EnforcementLevel.MANDATORY)))
                .evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(report.verdicts())
                .extracting(Verdict::status)
                .containsExactly(Verdict.Status.FAIL, Verdict.Status.WARN, Verdict.Status.PASS);
        assertThat(report.exitCode()).isEqualTo(1);
        PolicyReport advisoryOnly = new PolicyEngine(List.of(fixed("a", EnforcementLevel.ADVISORY, f)))
                .evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(advisoryOnly.exitCode()).isZero();
    }

    @Test
    void levelsComeFromThePolicyFilePerStackKind() {
        PolicyFile policy =
                Fixtures.policy("rules:\n  provider-targets:\n    level: advisory\n    kinds: {review: disabled}\n");
        PolicyEngine engine = PolicyEngine.withAllRules();
        assertThat(verdict(engine.evaluate(Fixtures.input(policy, StackKind.STAGING, FOREIGN)), "provider-targets")
                        .status())
                .isEqualTo(Verdict.Status.WARN);
        assertThat(verdict(engine.evaluate(Fixtures.input(policy, StackKind.REVIEW, FOREIGN)), "provider-targets")
                        .status())
                .isEqualTo(Verdict.Status.DISABLED);
        assertThat(verdict(engine.evaluate(Fixtures.input(StackKind.REVIEW, FOREIGN)), "provider-targets")
                        .status())
                .isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void rulesWithoutTheirInputsAreSkippedNotPassed() {
        PolicyReport report = PolicyEngine.withAllRules()
                .evaluate(PolicyInput.builder(PolicyFile.defaults()).build());
        assertThat(verdict(report, "provider-targets").status()).isEqualTo(Verdict.Status.SKIPPED);
        assertThat(verdict(report, DeployGatesRule.ID).note()).contains("--workflows");
        assertThat(verdict(report, "suppression-expiry").status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(verdict(report, "suppression-expiry").note())
                .isEqualTo("no suppressions in the policy file to judge");
    }

    @Test
    void aRuleThatJudgedNothingIsNotApplicableNeverPassedAndLeavesTheExitCodeAlone() {
        Finding f = Finding.at(Location.resource("urn:x"), "bad", "fix it");
        PolicyReport report = new PolicyEngine(List.of(
                        judging("none", EnforcementLevel.MANDATORY, Judgement.of(0, List.of())),
                        judging(
                                "own-reason",
                                EnforcementLevel.MANDATORY,
                                Judgement.notApplicable("judges review stacks only")),
                        fixed("ok", EnforcementLevel.MANDATORY)))
                .evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(report.verdicts())
                .extracting(Verdict::status)
                .containsExactly(Verdict.Status.NOT_APPLICABLE, Verdict.Status.NOT_APPLICABLE, Verdict.Status.PASS);
        assertThat(report.verdicts())
                .extracting(Verdict::note)
                .containsExactly("no widgets to judge", "judges review stacks only", "");
        assertThat(report.verdicts()).extracting(Verdict::judged).containsExactly(0, 0, 1);
        assertThat(report.exitCode()).isZero();
        assertThat(report.summary())
                .isEqualTo("PASSED: 0 failed, 0 warned, 1 passed, 2 not applicable, 0 skipped, 0 disabled");

        PolicyReport failing = new PolicyEngine(List.of(
                        judging("none", EnforcementLevel.MANDATORY, Judgement.of(0, List.of())),
                        fixed("m", EnforcementLevel.MANDATORY, f)))
                .evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(failing.exitCode()).as("not applicable hides no failure").isEqualTo(1);
        assertThat(failing.summary()).startsWith("FAILED: 1 failed, 0 warned, 0 passed, 1 not applicable");
    }

    @Test
    void aFindingAboutTheInputsAsAWholeIsAVerdictEvenWithNothingCounted() {
        Finding f = Finding.at(Location.NONE, "nothing deploys production", "add a deploy job");
        PolicyReport report = new PolicyEngine(
                        List.of(judging("whole", EnforcementLevel.MANDATORY, Judgement.of(0, List.of(f)))))
                .evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(report.verdicts().get(0).status()).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void noVerdictPassesWithoutHavingJudgedSomething() {
        var info = new Verdict.RuleInfo("r", "d.", RuleCategory.PLAN, EnforcementLevel.MANDATORY);
        assertThatThrownBy(() ->
                        new Verdict(info, EnforcementLevel.MANDATORY, Verdict.Status.PASS, "", List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passed without judging anything");
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
            public String id() {
                return "broken";
            }

            public String description() {
                return "throws";
            }

            public EnforcementLevel defaultLevel() {
                return EnforcementLevel.ADVISORY;
            }

            public RuleCategory category() {
                return RuleCategory.POLICY;
            }

            public String judges() {
                return "anything";
            }

            public Judgement judge(PolicyInput input) {
                throw new IllegalStateException("boom");
            }
        };
        PolicyReport report = new PolicyEngine(List.of(broken)).evaluate(Fixtures.input(StackKind.REVIEW));
        assertThat(report.verdicts().get(0).status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(report.verdicts().get(0).note()).contains("boom");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.summary()).startsWith("ERROR");
    }
}
