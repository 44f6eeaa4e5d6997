package dev.llmsafe.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.rules.BranchProtectionRule;
import dev.llmsafe.policy.rules.BucketHardeningRule;
import dev.llmsafe.policy.rules.DeployGatesRule;
import dev.llmsafe.policy.rules.EnvironmentApprovalsRule;
import dev.llmsafe.policy.rules.KeylessAuthRule;
import dev.llmsafe.policy.rules.PublicAccessRule;
import dev.llmsafe.policy.rules.ScriptInjectionRule;
import dev.llmsafe.policy.rules.WifProviderRule;
import dev.llmsafe.policy.rules.WorkflowPermissionsRule;
import dev.llmsafe.policy.workflow.Workflow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A policy file written before a rule was split keeps meaning what it meant: its old id sets the level of, and
 * excepts the findings of, every rule that now judges what the old rule judged.
 */
class RuleAliasesTest {
    /** A workflow with no top-level permissions and an injected commit message: two rules that were workflow-gates fail. */
    private static final Workflow CI = Fixtures.workflow(
            "ci.yml",
            String.join(
                    "\n",
                    "on: push",
                    "jobs:",
                    "  a:",
                    "    runs-on: ubuntu-latest",
                    "    steps:",
                    "      - run: echo \"${{ github.event.head_commit.message }}\"",
                    ""));

    private static PolicyReport check(String policy) {
        return PolicyEngine.withAllRules().evaluate(Fixtures.workflows(Fixtures.policy(policy), CI));
    }

    private static Verdict.Status status(PolicyReport report, String rule) {
        return report.verdicts().stream()
                .filter(v -> v.rule().id().equals(rule))
                .findFirst()
                .orElseThrow()
                .status();
    }

    private static String suppression(String rule) {
        return "suppressions:\n  - {rule: " + rule + ", target: .github/workflows/ci.yml, reason: moving to env, "
                + "expires: 2030-01-01}\n";
    }

    @Test
    void withoutASuppressionTheWorkflowFailsTwoRules() {
        PolicyReport report = check("");
        assertThat(status(report, WorkflowPermissionsRule.ID)).isEqualTo(Verdict.Status.FAIL);
        assertThat(status(report, ScriptInjectionRule.ID)).isEqualTo(Verdict.Status.FAIL);
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void anOldIdSuppressionStillSuppressesEveryRuleItStandsFor() {
        PolicyReport report = check(suppression("workflow-gates"));
        for (String rule :
                List.of(DeployGatesRule.ID, WorkflowPermissionsRule.ID, KeylessAuthRule.ID, ScriptInjectionRule.ID)) {
            assertThat(status(report, rule)).as(rule).isEqualTo(Verdict.Status.PASS);
        }
        assertThat(report.verdicts().stream()
                        .flatMap(v -> v.excepted().stream())
                        .map(e -> e.how()))
                .containsExactly("suppressed", "suppressed");
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void aNewIdSuppressesOnlyItsOwnRule() {
        PolicyReport report = check(suppression(ScriptInjectionRule.ID));
        assertThat(status(report, ScriptInjectionRule.ID)).isEqualTo(Verdict.Status.PASS);
        assertThat(status(report, WorkflowPermissionsRule.ID)).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void anOldIdSetsTheLevelOfEachRuleItStandsForUnlessTheFileNamesThatRule() {
        for (String rules : List.of(
                "rules:\n  environment-gates: advisory\n  branch-protection: disabled\n",
                "rules:\n  branch-protection: disabled\n  environment-gates: advisory\n")) {
            PolicyFile policy = Fixtures.policy(rules);
            assertThat(policy.levelFor(new EnvironmentApprovalsRule(), Optional.empty()))
                    .as(rules)
                    .isEqualTo(EnforcementLevel.ADVISORY);
            assertThat(policy.levelFor(new BranchProtectionRule(), Optional.empty()))
                    .as(rules)
                    .isEqualTo(EnforcementLevel.DISABLED);
        }
    }

    @Test
    void anOldIdAllowlistEntryCoversTheRulesItStandsForAndNoOther() {
        AllowlistEntry entry = Fixtures.policy(
                        "allowlist:\n  - {rule: wif-condition, path: \"urn:**\", reason: legacy}\n")
                .allowlist()
                .get(0);
        Location at = Location.resource("urn:pulumi:platform::llm-safe::gcp:iam/workloadIdentityPoolProvider:X::wif");
        assertThat(entry.covers(WifProviderRule.ID, at)).isTrue();
        assertThat(entry.covers(PublicAccessRule.ID, at)).isTrue();
        assertThat(entry.covers(BucketHardeningRule.ID, at)).isFalse();
    }

    @Test
    void unknownIdsAreStillRefused() {
        assertThatThrownBy(() -> PolicyFile.parse("rules:\n  workflow-gate: advisory\n", "policy.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 2: rules.workflow-gate: no such rule; rules: ");
        assertThatThrownBy(() -> PolicyFile.parse(suppression("wif-conditions"), "policy.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("suppressions.rule: 'wif-conditions' is no rule; rules: ");
    }
}
