package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.map;
import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static dev.llmsafe.policy.rules.EnvironmentApprovalsRuleTest.POLICY;
import static dev.llmsafe.policy.rules.EnvironmentApprovalsRuleTest.compliant;
import static dev.llmsafe.policy.rules.EnvironmentApprovalsRuleTest.environment;
import static dev.llmsafe.policy.rules.EnvironmentApprovalsRuleTest.mainRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BranchProtectionRuleTest {
    private final BranchProtectionRule rule = new BranchProtectionRule();

    private List<String> check(List<PlannedResource> resources) {
        return messages(rule, Fixtures.input(POLICY, StackKind.PLATFORM, resources.toArray(PlannedResource[]::new)));
    }

    @Test
    void mainsRulesetWithoutBypassByMachinesPasses() {
        assertThat(check(compliant())).isEmpty();
    }

    @Test
    void mainMustRequireApprovalOfTheLastPush() {
        List<PlannedResource> r = compliant();
        r.set(3, mainRuleset(false, List.of()));
        assertThat(check(r))
                .containsExactly("no active rule on branch main requires an approving review of the last push");
        r.set(
                3,
                resource(
                        "github:index/branchProtection:BranchProtection",
                        "bp",
                        map(
                                "pattern",
                                "main",
                                "requiredPullRequestReviews",
                                List.of(map("requireLastPushApproval", true, "requiredApprovingReviewCount", 2.0)))));
        assertThat(check(r))
                .as("a branch protection may carry the rule instead")
                .isEmpty();
    }

    @Test
    void appsDeployKeysAiAndBotsMayNotBypass() {
        List<PlannedResource> r = compliant();
        r.set(
                3,
                mainRuleset(
                        true,
                        List.of(
                                map("actorId", 9.0, "actorType", "Integration"),
                                map("actorId", 2001.0, "actorType", "User"),
                                map("actorId", 1001.0, "actorType", "User"),
                                map("actorId", 3.0, "actorType", "DeployKey"))));
        r.add(resource(
                "github:index/branchProtection:BranchProtection",
                "bp",
                map("pattern", "release/*", "forcePushBypassers", List.of("/dependabot[bot]", "acme/admins"))));
        assertThat(check(r))
                .containsExactly(
                        "ruleset main lets a GitHub App (bot) bypass it",
                        "ruleset main lets code-agent (ai) bypass it",
                        "ruleset main lets a deploy key bypass it",
                        "branch protection bp lets dependabot[bot] (bot) bypass it");
    }

    @Test
    void environmentsWithoutAnyRuleOnMainFail() {
        assertThat(check(List.of(environment("staging", List.of(1001.0), false))))
                .containsExactly("no active rule on branch main requires an approving review of the last push");
    }

    @Test
    void aPlanWithoutGithubGatesIsNotApplicableAndOneWithMainsRulesetPasses() {
        Verdict none = verdict(
                rule, Fixtures.input(POLICY, StackKind.PLATFORM, resource("gcp:storage/bucket:Bucket", "b", Map.of())));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no rulesets or branch protections to judge");
        Verdict gated = verdict(
                rule, Fixtures.input(POLICY, StackKind.PLATFORM, compliant().toArray(PlannedResource[]::new)));
        assertThat(gated.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(gated.judged()).isEqualTo(1);
    }
}
