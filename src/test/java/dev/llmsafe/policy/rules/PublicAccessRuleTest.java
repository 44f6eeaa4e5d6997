package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.map;
import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAccessRuleTest {
    private final PublicAccessRule rule = new PublicAccessRule();
    private static final PlannedResource INVOKER = resource(
            "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
            "public",
            map("role", "roles/run.invoker", "member", "allUsers"));

    @Test
    void publicAndWildcardMembersFailWhereverTheyAppear() {
        var input = Fixtures.input(
                StackKind.STAGING,
                resource(
                        "gcp:storage/bucketIAMMember:BucketIAMMember",
                        "pub",
                        map("role", "roles/storage.objectViewer", "member", "allUsers")),
                resource(
                        "gcp:projects/iAMBinding:IAMBinding",
                        "all",
                        map("role", "roles/viewer", "members", List.of("user:a@x.io", "allAuthenticatedUsers"))),
                resource(
                        "gcp:serviceaccount/iAMMember:IAMMember",
                        "pool",
                        map(
                                "role",
                                "roles/iam.workloadIdentityUser",
                                "member",
                                "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*")),
                resource("gcp:storage/bucketACL:BucketACL", "acl", map("roleEntities", List.of("READER:allUsers"))),
                resource(
                        "gcp:secretmanager/secretIamPolicy:SecretIamPolicy",
                        "policy",
                        map(
                                "policyData",
                                "{\"bindings\":[{\"role\":\"roles/secretmanager.secretAccessor\",\"members\":[\"allUsers\"]}]}")),
                resource(
                        "gcp:projects/iAMMember:IAMMember",
                        "ok",
                        map("role", "roles/viewer", "member", "group:ops@acme.io")));
        assertThat(messages(rule, input)).hasSize(5).noneMatch(m -> m.contains("(ok)"));
    }

    @Test
    void everyStorageAclEntityIsJudged() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                resource(
                        "gcp:storage/defaultObjectACL:DefaultObjectACL",
                        "doa",
                        map("bucket", "b", "roleEntities", List.of("OWNER:project-owners-1", "READER: AllUsers"))),
                resource(
                        "gcp:storage/objectACL:ObjectACL",
                        "oa",
                        map("bucket", "b", "object", "o", "roleEntities", List.of("READER:allAuthenticatedUsers"))),
                resource(
                        "gcp:storage/bucketAccessControl:BucketAccessControl",
                        "bac",
                        map("bucket", "b", "entity", "allUsers", "role", "READER")),
                resource(
                        "gcp:storage/objectAccessControl:ObjectAccessControl",
                        "oac",
                        map("bucket", "b", "object", "o", "entity", "allAuthenticatedUsers", "role", "READER")),
                resource(
                        "gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl",
                        "doac",
                        map("bucket", "b", "entity", "ALLUSERS", "role", "READER")),
                resource(
                        "gcp:storage/bucketAccessControl:BucketAccessControl",
                        "team",
                        map("bucket", "b", "entity", "group-ops@acme.io", "role", "READER")));
        assertThat(messages(rule, input)).hasSize(5).noneMatch(m -> m.contains("(team)"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "publicRead",
                "publicReadWrite",
                "authenticatedRead",
                "public-read",
                "PublicRead",
                "[secret]",
                "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                "Private",
                ""
            })
    void predefinedAclsOtherThanThePrivateOnesFail(String acl) {
        var found = messages(
                rule,
                Fixtures.input(
                        StackKind.STAGING,
                        resource("gcp:storage/bucketACL:BucketACL", "a", map("bucket", "b", "predefinedAcl", acl)),
                        resource("gcp:storage/bucketACL:BucketACL", "d", map("bucket", "b", "defaultAcl", acl)),
                        resource(
                                "gcp:storage/objectACL:ObjectACL",
                                "o",
                                map("bucket", "b", "object", "x", "predefinedAcl", acl)),
                        resource(
                                "gcp:storage/bucketObject:BucketObject",
                                "u",
                                map("bucket", "b", "name", "x", "predefinedAcl", acl))));
        assertThat(found)
                .hasSize(4)
                .allSatisfy(m -> assertThat(m).contains("sets ").contains("Acl "));
    }

    @Test
    void thePrivateAclsAndNoAclPass() {
        for (String acl : PublicAccessRule.PRIVATE_ACLS) {
            assertThat(rule.check(Fixtures.input(
                            StackKind.PRODUCTION,
                            resource(
                                    "gcp:storage/bucketACL:BucketACL",
                                    "a",
                                    map("bucket", "b", "predefinedAcl", acl, "defaultAcl", acl)),
                            resource("gcp:storage/bucketObject:BucketObject", "u", map("bucket", "b", "name", "x")))))
                    .as(acl)
                    .isEmpty();
        }
    }

    private static PolicyInput declared(PolicyFile policy, StackKind kind, String stack, String allowPublicInvoker) {
        PlanDocument plan = PlanDocument.builder()
                .source("offline")
                .project("llm-safe")
                .stack(stack)
                .kind(kind.configValue())
                .resources(List.of(INVOKER))
                .config(
                        allowPublicInvoker == null
                                ? Map.of()
                                : Map.of(PlanDocument.ALLOW_PUBLIC_INVOKER, allowPublicInvoker))
                .build();
        return PolicyInput.builder(policy)
                .plan(PlanView.of(plan))
                .today(Fixtures.TODAY)
                .build();
    }

    @Test
    void aPublicCloudRunServiceIsAllowedOnlyWhenTheStackConfigAndThePolicyBothDeclareIt() {
        PolicyFile listing = Fixtures.policy("publicInvokerStacks: [production]\n");
        assertThat(rule.check(declared(listing, StackKind.PRODUCTION, "production", "true")))
                .isEmpty();
        assertThat(rule.check(declared(listing, StackKind.PRODUCTION, "production", null)))
                .hasSize(1);
        assertThat(rule.check(declared(listing, StackKind.PRODUCTION, "production", "false")))
                .hasSize(1);
        assertThat(rule.check(declared(PolicyFile.defaults(), StackKind.PRODUCTION, "production", "true")))
                .hasSize(1);
        assertThat(rule.check(declared(listing, StackKind.STAGING, "staging", "true")))
                .singleElement()
                .asString()
                .contains("publicInvokerStacks");

        PolicyFile reviews = Fixtures.policy("allowPublicReviewInvoker: true\n");
        assertThat(rule.check(declared(reviews, StackKind.REVIEW, "pr-7", "true")))
                .isEmpty();
        assertThat(rule.check(declared(reviews, StackKind.REVIEW, "pr-7", null)))
                .hasSize(1);
        assertThat(rule.check(declared(PolicyFile.defaults(), StackKind.REVIEW, "pr-7", "true")))
                .hasSize(1);
        assertThat(rule.check(
                        declared(Fixtures.policy("publicInvokerStacks: [pr-7]\n"), StackKind.REVIEW, "pr-7", "true")))
                .as("review stacks are allowed by allowPublicReviewInvoker only")
                .hasSize(1);
    }

    @Test
    void onlyAllUsersAsCloudRunInvokerIsEverAllowed() {
        PolicyFile listing = Fixtures.policy("publicInvokerStacks: [production]\n");
        PlanDocument plan = PlanDocument.builder()
                .source("offline")
                .project("llm-safe")
                .stack("production")
                .kind("production")
                .resources(List.of(
                        resource(
                                "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
                                "authn",
                                map("role", "roles/run.invoker", "member", "allAuthenticatedUsers")),
                        resource(
                                "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
                                "admin",
                                map("role", "roles/run.admin", "member", "allUsers")),
                        resource(
                                "gcp:storage/bucketIAMMember:BucketIAMMember",
                                "bucket",
                                map("role", "roles/run.invoker", "member", "allUsers"))))
                .config(Map.of(PlanDocument.ALLOW_PUBLIC_INVOKER, "true"))
                .build();
        var input = PolicyInput.builder(listing)
                .plan(PlanView.of(plan))
                .today(Fixtures.TODAY)
                .build();
        assertThat(messages(rule, input)).hasSize(3);
    }

    @Test
    void membersUnknownUntilApplyAreComputedNamesNotFindingsButHiddenPoliciesAre() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                resource(
                        "gcp:projects/iAMMember:IAMMember",
                        "m",
                        map("role", "roles/run.developer", "member", PlannedResource.UNKNOWN)),
                resource("gcp:projects/iAMPolicy:IAMPolicy", "p", map("policyData", PlannedResource.SECRET)),
                resource("gcp:projects/iAMPolicy:IAMPolicy", "bad", map("policyData", "{not json")));
        assertThat(messages(rule, input))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m).contains("policyData that is not valid JSON"));
    }

    @Test
    void aPlanWithoutGrantsOrStorageIsNotApplicableAndOneWithAPrivateGrantPasses() {
        Verdict none = verdict(
                rule,
                Fixtures.input(StackKind.STAGING, resource("gcp:serviceaccount/account:Account", "sa", Map.of())));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no IAM grants or storage resources to judge");
        Verdict granted = verdict(
                rule,
                Fixtures.input(
                        StackKind.STAGING,
                        resource(
                                "gcp:projects/iAMMember:IAMMember",
                                "ok",
                                map("role", "roles/viewer", "member", "group:ops@acme.io"))));
        assertThat(granted.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(granted.judged()).isEqualTo(1);
    }
}
