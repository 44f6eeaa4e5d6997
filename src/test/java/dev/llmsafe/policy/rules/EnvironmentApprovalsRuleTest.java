package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.map;
import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentApprovalsRuleTest {
    private static final String ENV = GithubGates.ENVIRONMENT;
    private static final String RULESET = GithubGates.RULESET;
    static final PolicyFile POLICY = Fixtures.policy(String.join(
            "\n",
            "aiIdentities: [code-agent]",
            "githubAccounts:",
            "  \"1001\": alice",
            "  \"1002\": bob",
            "  \"2001\": code-agent",
            "  \"2002\": renovate[bot]",
            ""));
    private final EnvironmentApprovalsRule rule = new EnvironmentApprovalsRule();

    /** As the governance binding sends them: numbers as doubles, schema property names. */
    static PlannedResource environment(String name, List<Double> users, boolean preventSelfReview) {
        return resource(
                ENV,
                name,
                map(
                        "repository",
                        "shop",
                        "environment",
                        name,
                        "reviewers",
                        List.of(map("users", users, "teams", List.of())),
                        "preventSelfReview",
                        preventSelfReview,
                        "canAdminsBypass",
                        false,
                        "deploymentBranchPolicy",
                        map("protectedBranches", true, "customBranchPolicies", false)));
    }

    static PlannedResource mainRuleset(boolean lastPush, List<Object> bypass) {
        return resource(
                RULESET,
                "main",
                map(
                        "repository",
                        "shop",
                        "name",
                        "main",
                        "target",
                        "branch",
                        "enforcement",
                        "active",
                        "conditions",
                        map("refName", map("includes", List.of("~DEFAULT_BRANCH"), "excludes", List.of())),
                        "rules",
                        map(
                                "pullRequest",
                                map("requireLastPushApproval", lastPush, "requiredApprovingReviewCount", 1.0)),
                        "bypassActors",
                        bypass));
    }

    static List<PlannedResource> compliant() {
        return new ArrayList<>(List.of(
                environment("staging", List.of(1001.0), false),
                environment("production-approval", List.of(1001.0, 1002.0), true),
                environment("production", List.of(1002.0), true),
                mainRuleset(
                        true,
                        List.of(map("actorId", 5.0, "actorType", "RepositoryRole", "bypassMode", "pull_request")))));
    }

    private List<String> check(List<PlannedResource> resources) {
        return messages(rule, Fixtures.input(POLICY, StackKind.PLATFORM, resources.toArray(PlannedResource[]::new)));
    }

    @Test
    void humanGatesOnStagingAndTwoProductionEnvironmentsPass() {
        assertThat(check(compliant())).isEmpty();
    }

    @Test
    void plansWithoutGithubGovernanceAreNotJudged() {
        assertThat(check(List.of(resource("gcp:storage/bucket:Bucket", "b", Map.of()))))
                .isEmpty();
    }

    @Test
    void aiAndBotReviewersFailAndDoNotCountAsHumans() {
        List<PlannedResource> r = compliant();
        r.set(0, environment("staging", List.of(2001.0, 2002.0), false));
        assertThat(check(r))
                .containsExactly(
                        "environment staging has reviewer code-agent (user id 2001), classified ai",
                        "environment staging has reviewer renovate[bot] (user id 2002), classified bot",
                        "environment staging has no human reviewer");
    }

    @Test
    void anAiIdentityListedByNumericIdIsRecognised() {
        PolicyFile byId = Fixtures.policy("aiIdentities: [\"3003\"]\n");
        List<PlannedResource> r = compliant();
        r.set(0, environment("staging", List.of(3003.0), false));
        assertThat(messages(rule, Fixtures.input(byId, StackKind.PLATFORM, r.toArray(PlannedResource[]::new))))
                .contains("environment staging has reviewer 3003 (user id 3003), classified ai");
    }

    @Test
    void productionNeedsTwoEnvironmentsEachPreventingSelfReviewWithoutAdminBypass() {
        List<PlannedResource> r = compliant();
        r.remove(1);
        r.set(
                1,
                resource(
                        ENV,
                        "production",
                        map(
                                "environment",
                                "production",
                                "reviewers",
                                List.of(map("users", List.of(1002.0))),
                                "deploymentBranchPolicy",
                                map("protectedBranches", true))));
        assertThat(check(r))
                .containsExactly(
                        "production passes 1 GitHub environment(s) (production, production-*); it needs two, each approved by a different person",
                        "environment production lets the person who started a deployment approve it (preventSelfReview (not set))",
                        "environment production lets admins skip its reviewers (canAdminsBypass (not set), GitHub's default true)");
    }

    @Test
    void missingStagingGateAndAnyBranchDeploymentsFail() {
        List<PlannedResource> r = compliant();
        r.remove(0);
        r.set(
                0,
                resource(
                        ENV,
                        "production-approval",
                        map(
                                "environment",
                                "production-approval",
                                "reviewers",
                                List.of(map("teams", List.of(77.0))),
                                "preventSelfReview",
                                true,
                                "canAdminsBypass",
                                false)));
        assertThat(check(r))
                .containsExactly(
                        "no GitHub environment 'staging' gates staging",
                        "environment production-approval accepts deployments from any branch");
    }

    @Test
    void aRulesetAloneIsJudgedForTheEnvironmentsItLacks() {
        assertThat(check(List.of(mainRuleset(true, List.of()))))
                .startsWith("no GitHub environment 'staging' gates staging");
    }

    @Test
    void aPlanWithoutGithubGatesIsNotApplicableAndOneWithCompliantGatesPasses() {
        Verdict none = verdict(
                rule, Fixtures.input(POLICY, StackKind.PLATFORM, resource("gcp:storage/bucket:Bucket", "b", Map.of())));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no GitHub environments to judge");
        Verdict gated = verdict(
                rule, Fixtures.input(POLICY, StackKind.PLATFORM, compliant().toArray(PlannedResource[]::new)));
        assertThat(gated.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(gated.judged()).isEqualTo(3);
    }
}
