package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.map;
import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreviewBoundaryRuleTest {
    private final PreviewBoundaryRule rule = new PreviewBoundaryRule();

    private static PlannedResource reference(Object name) {
        return resource(PreviewBoundaryRule.STACK_REFERENCE, "ref", map("name", name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "production",
                "staging",
                "PRODUCTION",
                "acme/llm-safe/production",
                "llm-safe/Staging",
                "other-org/other-project/production",
                "[secret]",
                "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                "acme//production",
                "a/b/c/production",
                "acme/llm-safe/production\u200B",
                "",
                "acme/llm-safe/prod uction"
            })
    void aReviewStackReferencingStagingOrProductionOrAnUnknownStackFails(String name) {
        assertThat(messages(rule, Fixtures.input(StackKind.REVIEW, reference(name))))
                .singleElement()
                .asString()
                .startsWith("stack reference (ref) ");
    }

    @Test
    void aReferenceThatIsNotTextFails() {
        assertThat(rule.check(Fixtures.input(StackKind.REVIEW, reference(List.of("production")))))
                .hasSize(1);
        assertThat(rule.check(
                        Fixtures.input(StackKind.REVIEW, resource(PreviewBoundaryRule.STACK_REFERENCE, "none", map()))))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "platform",
                "acme/llm-safe/platform",
                "acme/llm-safe/pr-41",
                "acme/shared-dns/main",
                "productions",
                "acme/llm-safe/staging-old"
            })
    void otherStacksMayBeReferenced(String name) {
        assertThat(rule.check(Fixtures.input(StackKind.REVIEW, reference(name))))
                .isEmpty();
    }

    @Test
    void stacksOutsideReviewAreNotJudged() {
        assertThat(rule.check(Fixtures.input(
                        StackKind.PRODUCTION,
                        reference("acme/llm-safe/staging"),
                        resource(
                                "gcp:projects/iAMMember:IAMMember",
                                "m",
                                map("role", "roles/owner", "member", "user:a@x.io")))))
                .isEmpty();
    }

    @Test
    void theEnvironmentNamesComeFromThePolicy() {
        var policy = Fixtures.policy("environments: {review: preview, staging: qa, production: live}\n");
        assertThat(rule.check(Fixtures.input(policy, StackKind.REVIEW, reference("acme/app/LIVE"))))
                .hasSize(1);
        assertThat(rule.check(Fixtures.input(policy, StackKind.REVIEW, reference("acme/app/production"))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "roles/secretmanager.secretAccessor",
                "roles/secretmanager.admin",
                "roles/owner",
                "roles/editor",
                "roles/OWNER",
                "roles/secretmanager.someFutureRole",
                "roles/iam.serviceAccountTokenCreator",
                "roles/iam.serviceAccountUser",
                "roles/resourcemanager.projectIamAdmin",
                "projects/p/roles/reader",
                "organizations/1/roles/custom",
                "[secret]",
                "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
            })
    void wideGrantsOfSecretReadingRolesFailInEveryShape(String role) {
        String policy = "{\"bindings\":[{\"role\":\"" + role
                + "\",\"members\":[\"serviceAccount:pr@p.iam.gserviceaccount.com\"]}]}";
        var found = messages(
                rule,
                Fixtures.input(
                        StackKind.REVIEW,
                        resource(
                                "gcp:projects/iAMMember:IAMMember",
                                "member",
                                map("project", "p", "role", role, "member", "serviceAccount:pr@p")),
                        resource(
                                "gcp:folder/iAMBinding:IAMBinding",
                                "binding",
                                map("folder", "folders/1", "role", role, "members", List.of(PlannedResource.UNKNOWN))),
                        resource(
                                "gcp:organizations/iAMPolicy:IAMPolicy",
                                "policy",
                                map("orgId", "1", "policyData", policy))));
        assertThat(found).hasSize(3);
        assertThat(found.get(0)).contains("(member) grants ", "across the whole project", "'serviceAccount:pr@p'");
        assertThat(found.get(1)).contains("across the whole folder");
        assertThat(found.get(2)).contains("across the whole organization");
    }

    @Test
    void rolesThatCannotReadSecretsAndGrantsOnSingleSecretsPass() {
        var plan = Fixtures.input(
                StackKind.REVIEW,
                resource(
                        "gcp:projects/iAMMember:IAMMember",
                        "viewer",
                        map("role", "roles/secretmanager.viewer", "member", "user:a@x.io")),
                resource(
                        "gcp:projects/iAMMember:IAMMember",
                        "adder",
                        map("role", "roles/secretmanager.secretVersionAdder", "member", "user:a@x.io")),
                resource(
                        "gcp:projects/iAMMember:IAMMember",
                        "run",
                        map("role", "roles/run.developer", "member", "user:a@x.io")),
                resource(
                        "gcp:secretmanager/secretIamMember:SecretIamMember",
                        "one",
                        map(
                                "secretId",
                                "review-db",
                                "role",
                                "roles/secretmanager.secretAccessor",
                                "member",
                                "user:a@x.io")));
        assertThat(rule.check(plan)).isEmpty();
    }

    @Test
    void anUnreadableProjectPolicyFails() {
        assertThat(messages(
                        rule,
                        Fixtures.input(
                                StackKind.REVIEW,
                                resource(
                                        "gcp:projects/iAMPolicy:IAMPolicy",
                                        "p",
                                        map("project", "p", "policyData", "{\"bindings\": [")))))
                .singleElement()
                .asString()
                .contains("cannot be shown not to read secrets");
    }

    @Test
    void otherStackKindsAndReviewPlansWithoutReferencesOrWideGrantsAreNotApplicable() {
        Verdict production = verdict(rule, Fixtures.input(StackKind.PRODUCTION, reference("acme/llm-safe/staging")));
        assertThat(production.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(production.note()).isEqualTo("judges review stacks only; this is a production stack");
        Verdict none =
                verdict(rule, Fixtures.input(StackKind.REVIEW, resource("gcp:storage/bucket:Bucket", "b", map())));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note())
                .isEqualTo("no stack references or project-, folder- or organization-wide IAM grants to judge");
        Verdict platform = verdict(rule, Fixtures.input(StackKind.REVIEW, reference("acme/llm-safe/platform")));
        assertThat(platform.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(platform.judged()).isEqualTo(1);
    }
}
