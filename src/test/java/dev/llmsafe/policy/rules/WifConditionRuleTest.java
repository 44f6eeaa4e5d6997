package dev.llmsafe.policy.rules;

import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.components.GithubActionsIdentityArgs;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.stack.StackKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class WifConditionRuleTest {
    private static final String PROVIDER = WifConditionRule.PROVIDER_TYPE;
    private final WifConditionRule rule = new WifConditionRule();

    @Test
    void theProjectsOwnIdentityComponentPasses() {
        var plan = MockRun.run("llm-safe", "platform", "platform", ctx -> new GithubActionsIdentity("gha",
                new GithubActionsIdentityArgs("acme-shop", "github", "github-oidc", 712345678L, 98765432L,
                        Map.of("staging", "shop-deploy-staging"), Map.of("staging", List.of("roles/run.developer"))), null),
                List.of());
        var input = PolicyInput.builder(PolicyFile.defaults()).plan(PlanView.of(plan)).build();
        assertThat(plan.resources()).anyMatch(r -> r.type().equals(PROVIDER));
        assertThat(rule.check(input)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "assertion.repository_id == '1' && assertion.repository_owner_id == '2'",
            "(assertion.repository_owner_id=='2') && assertion.repository_id == \"1\" && assertion.ref == 'refs/heads/main'",
            "attribute.repository_id == '1' && attribute.repository_owner_id == '2' && (assertion.ref == 'a' || assertion.ref == 'b')"})
    void conditionsPinningBothIdsPass(String condition) {
        assertThat(WifConditionRule.conditionProblem(condition)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "assertion.repository == 'acme/shop'",
            "assertion.repository_id == '1'",
            "assertion.repository_id == '1' || assertion.repository_owner_id == '2'",
            "assertion.repository_id == '1' && assertion.repository_owner_id == '2' || true",
            "assertion.repository_id == 'acme' && assertion.repository_owner_id == '2'",
            "!(assertion.repository_id == '1') && assertion.repository_owner_id == '2'",
            "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
    void conditionsThatDoNotPinBothIdsFail(String condition) {
        var input = Fixtures.input(StackKind.PLATFORM, resource(PROVIDER, "wif", Map.of("attributeCondition", condition)));
        assertThat(messages(rule, input)).singleElement().asString().startsWith("Workload Identity provider wif ");
    }

    @Test
    void aProviderWithoutConditionFails() {
        var input = Fixtures.input(StackKind.PLATFORM, resource(PROVIDER, "wif", Map.of()));
        assertThat(messages(rule, input)).containsExactly(
                "Workload Identity provider wif has no attribute condition, so any repository's workflows could authenticate");
    }

    @Test
    void publicAndWildcardMembersFailWhereverTheyAppear() {
        var input = Fixtures.input(StackKind.STAGING,
                resource("gcp:storage/bucketIAMMember:BucketIAMMember", "pub", Map.of("role", "roles/storage.objectViewer", "member", "allUsers")),
                resource("gcp:projects/iAMBinding:IAMBinding", "all", Map.of("role", "roles/viewer", "members", List.of("user:a@x.io", "allAuthenticatedUsers"))),
                resource("gcp:serviceaccount/iAMMember:IAMMember", "pool", Map.of("role", "roles/iam.workloadIdentityUser",
                        "member", "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*")),
                resource("gcp:storage/bucketACL:BucketACL", "acl", Map.of("roleEntities", List.of("READER:allUsers"))),
                resource("gcp:secretmanager/secretIamPolicy:SecretIamPolicy", "policy",
                        Map.of("policyData", "{\"bindings\":[{\"role\":\"roles/secretmanager.secretAccessor\",\"members\":[\"allUsers\"]}]}")),
                resource("gcp:projects/iAMMember:IAMMember", "ok", Map.of("role", "roles/viewer", "member", "group:ops@acme.io")));
        assertThat(messages(rule, input)).hasSize(5).noneMatch(m -> m.contains("(ok)"));
    }

    @Test
    void aPublicCloudRunInvokerIsAllowedOnlyInReviewAndOnlyWhenThePolicySaysSo() {
        PlannedResource invoker = resource("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "public",
                Map.of("role", "roles/run.invoker", "member", "allUsers"));
        PolicyFile allowing = Fixtures.policy("allowPublicReviewInvoker: true\n");
        assertThat(rule.check(Fixtures.input(allowing, StackKind.REVIEW, invoker))).isEmpty();
        assertThat(rule.check(Fixtures.input(PolicyFile.defaults(), StackKind.REVIEW, invoker))).hasSize(1);
        assertThat(rule.check(Fixtures.input(allowing, StackKind.STAGING, invoker))).hasSize(1);
        PlannedResource wildcard = resource("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "star",
                Map.of("role", "roles/run.invoker", "member", "allAuthenticatedUsers"));
        assertThat(rule.check(Fixtures.input(allowing, StackKind.REVIEW, wildcard))).hasSize(1);
    }

    @Test
    void membersUnknownUntilApplyAreComputedNamesNotFindings() {
        var input = Fixtures.input(StackKind.PLATFORM, resource("gcp:projects/iAMMember:IAMMember", "m",
                Map.of("role", "roles/run.developer", "member", PlannedResource.UNKNOWN)));
        assertThat(rule.check(input)).isEmpty();
    }
}
