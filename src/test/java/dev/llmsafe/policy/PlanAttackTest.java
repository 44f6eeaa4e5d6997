package dev.llmsafe.policy;

import static dev.llmsafe.policy.Fixtures.map;
import static dev.llmsafe.policy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.stack.StackKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans that break a guarantee in a way the plan rules once let through, each judged by every rule: each must
 * end in a mandatory violation naming the resource that breaks it.
 */
class PlanAttackTest {
    private static final String SA_JSON = Fixtures.SERVICE_ACCOUNT_KEY_FILE;

    static Stream<Arguments> attacks() {
        String base64 = Base64.getEncoder().encodeToString(SA_JSON.getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                // Public storage through ACLs rather than IAM members.
                attack(
                        StackKind.STAGING,
                        "gcp:storage/bucketACL:BucketACL",
                        "canned",
                        map("bucket", "b", "predefinedAcl", "publicRead")),
                attack(
                        StackKind.STAGING,
                        "gcp:storage/bucketACL:BucketACL",
                        "default",
                        map("bucket", "b", "defaultAcl", "publicRead")),
                attack(
                        StackKind.PRODUCTION,
                        "gcp:storage/bucketACL:BucketACL",
                        "writable",
                        map("bucket", "b", "predefinedAcl", "publicReadWrite")),
                attack(
                        StackKind.PLATFORM,
                        "gcp:storage/objectACL:ObjectACL",
                        "object",
                        map("bucket", "b", "object", "o", "predefinedAcl", "authenticatedRead")),
                attack(
                        StackKind.STAGING,
                        "gcp:storage/bucketObject:BucketObject",
                        "upload",
                        map("bucket", "b", "name", "o", "predefinedAcl", "publicRead")),
                attack(
                        StackKind.STAGING,
                        "gcp:storage/bucket:Bucket",
                        "legacy",
                        map("name", "b", "predefinedAcl", "publicReadWrite")),
                // Previews reaching into staging and production.
                attack(
                        StackKind.REVIEW,
                        "pulumi:pulumi:StackReference",
                        "prod",
                        map("name", "acme/llm-safe/production")),
                attack(
                        StackKind.REVIEW,
                        "pulumi:pulumi:StackReference",
                        "cased",
                        map("name", "acme/llm-safe/Production")),
                attack(StackKind.REVIEW, "pulumi:pulumi:StackReference", "bare", map("name", "staging")),
                attack(StackKind.REVIEW, "pulumi:pulumi:StackReference", "hidden", map("name", PlannedResource.SECRET)),
                attack(
                        StackKind.REVIEW,
                        "gcp:projects/iAMMember:IAMMember",
                        "reader",
                        map(
                                "project",
                                "p",
                                "role",
                                "roles/secretmanager.secretAccessor",
                                "member",
                                "serviceAccount:pr@p.iam.gserviceaccount.com")),
                attack(
                        StackKind.REVIEW,
                        "gcp:folder/iAMBinding:IAMBinding",
                        "admin",
                        map(
                                "folder",
                                "folders/1",
                                "role",
                                "roles/secretmanager.admin",
                                "members",
                                List.of("serviceAccount:pr@p.iam.gserviceaccount.com"))),
                attack(
                        StackKind.REVIEW,
                        "gcp:organizations/iAMPolicy:IAMPolicy",
                        "owner",
                        map(
                                "orgId",
                                "1",
                                "policyData",
                                "{\"bindings\":[{\"role\":\"roles/owner\",\"members\":[\"serviceAccount:pr@p.iam.gserviceaccount.com\"]}]}")),
                // Service-account key material in GitHub, whatever the secret or variable is called.
                attack(
                        StackKind.PLATFORM,
                        "github:index/actionsVariable:ActionsVariable",
                        "cfg",
                        map("repository", "shop", "variableName", "APP_CONFIG", "value", SA_JSON)),
                attack(
                        StackKind.PLATFORM,
                        "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable",
                        "b64",
                        map("repository", "shop", "environment", "staging", "variableName", "BLOB", "value", base64)),
                attack(
                        StackKind.PLATFORM,
                        "github:index/actionsOrganizationVariable:ActionsOrganizationVariable",
                        "org",
                        map(
                                "variableName",
                                "SETTINGS",
                                "visibility",
                                "all",
                                "value",
                                "  " + SA_JSON.replace("service_account", "service\\u005faccount") + "\n")),
                attack(
                        StackKind.PLATFORM,
                        "github:index/actionsSecret:ActionsSecret",
                        "opaque",
                        map(
                                "repository",
                                "shop",
                                "secretName",
                                "DEPLOY_SETTINGS",
                                "plaintextValue",
                                PlannedResource.SECRET)),
                attack(
                        StackKind.PLATFORM,
                        "github:index/dependabotSecret:DependabotSecret",
                        "bot",
                        map("repository", "shop", "secretName", "REGISTRY", "plaintextValue", PlannedResource.SECRET)));
    }

    private static Arguments attack(StackKind kind, String type, String name, Map<String, Object> inputs) {
        return Arguments.of(
                type.substring(type.lastIndexOf(':') + 1) + " " + name + " in " + kind.configValue(),
                kind,
                resource(type, name, inputs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyRuleTogetherRefusesTheAttack(String label, StackKind kind, PlannedResource attack) {
        PolicyReport report = PolicyEngine.withAllRules().evaluate(Fixtures.input(kind, attack));
        assertThat(report.exitCode()).as(report.summary()).isEqualTo(1);
        assertThat(report.verdicts())
                .filteredOn(v -> v.status() == Verdict.Status.FAIL)
                .flatMap(Verdict::findings)
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("(" + attack.name() + ")"));
    }
}
