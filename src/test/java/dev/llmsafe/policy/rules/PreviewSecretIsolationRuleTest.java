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
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewSecretIsolationRuleTest {
    private static final String RUN = "gcp:cloudrunv2/service:Service";
    private final PreviewSecretIsolationRule rule = new PreviewSecretIsolationRule();

    private static PlannedResource service(String name, Object secret) {
        return resource(
                RUN,
                name,
                map(
                        "template",
                        map(
                                "containers",
                                List.of(map(
                                        "image",
                                        "app",
                                        "envs",
                                        List.of(map(
                                                "name",
                                                "DB",
                                                "valueSource",
                                                map("secretKeyRef", map("secret", secret, "version", "latest")))))))));
    }

    @Test
    void reviewScopedSecretsAndVariablesPass() {
        var input = Fixtures.input(
                StackKind.REVIEW,
                service("app", "review-database-url"),
                service("app2", "projects/acme/secrets/review-session-key/versions/3"),
                resource(
                        "gcp:secretmanager/secretIamMember:SecretIamMember",
                        "access",
                        Map.of("secretId", "review-database-url")),
                resource(
                        "railway:index/variable:Variable",
                        "v",
                        Map.of("name", "DB", "value", "sm://projects/acme/secrets/review-db")),
                resource(
                        "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable",
                        "url",
                        Map.of("environment", "review", "variableName", "URL", "value", "x")));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void stagingAndProductionSecretsFailWhereverTheyAreReferenced() {
        var input = Fixtures.input(
                StackKind.REVIEW,
                service("app", "production-database-url"),
                resource(
                        "gcp:cloudrunv2/service:Service",
                        "vol",
                        map(
                                "template",
                                map(
                                        "volumes",
                                        List.of(map("name", "keys", "secret", map("secret", "staging-session-key")))))),
                resource(
                        "gcp:secretmanager/secretIamMember:SecretIamMember",
                        "grant",
                        Map.of("secretId", "production-api-key")),
                resource(
                        "railway:index/variable:Variable",
                        "v",
                        Map.of("value", "projects/acme/secrets/production-db/versions/1")),
                resource(
                        "gcp:projects/iAMMember:IAMMember",
                        "cond",
                        map(
                                "role",
                                "roles/secretmanager.secretAccessor",
                                "condition",
                                map("expression", "resource.name.startsWith('projects/acme/secrets/staging-')"))));
        assertThat(messages(rule, input))
                .hasSize(5)
                .anySatisfy(m -> assertThat(m).contains("'production-database-url'"))
                .anySatisfy(m -> assertThat(m).contains("'staging-session-key'"))
                .anySatisfy(m -> assertThat(m).contains("'production-api-key'"))
                .anySatisfy(m -> assertThat(m).contains("(v) references secret 'production-db'"))
                .anySatisfy(m -> assertThat(m).contains("(cond) references secret 'staging-'"));
    }

    @Test
    void githubSecretsOfOtherEnvironmentsOrTheWholeRepositoryFail() {
        var input = Fixtures.input(
                StackKind.REVIEW,
                resource(
                        "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
                        "s",
                        Map.of("environment", "production", "secretName", "TOKEN")),
                resource(
                        "github:index/actionsVariable:ActionsVariable",
                        "repo-wide",
                        Map.of("variableName", "X", "value", "y")));
        assertThat(messages(rule, input))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("writes to GitHub environment production"))
                .anySatisfy(m -> assertThat(m).contains("is visible to every environment"));
    }

    @Test
    void aReferenceUnknownUntilApplyCannotBeVerified() {
        var input = Fixtures.input(StackKind.REVIEW, service("app", PlannedResource.UNKNOWN));
        assertThat(messages(rule, input)).singleElement().asString().contains("cannot be verified as review-scoped");
    }

    @Test
    void otherStackKindsAreNotJudgedAndTheReviewNameIsConfigurable() {
        assertThat(rule.check(Fixtures.input(StackKind.PRODUCTION, service("app", "production-database-url"))))
                .isEmpty();
        var custom = Fixtures.policy("environments:\n  review: preview\n");
        assertThat(messages(rule, Fixtures.input(custom, StackKind.REVIEW, service("app", "review-db"))))
                .hasSize(1);
        assertThat(rule.check(Fixtures.input(custom, StackKind.REVIEW, service("app", "preview-db"))))
                .isEmpty();
    }

    @Test
    void unknownTypesAreReadWholeAndKnownShapesWhereAReferenceCanBe() {
        assertThat(PreviewSecretIsolationRule.fieldsToRead("gcp:storage/bucket:Bucket"))
                .isEmpty();
        assertThat(PreviewSecretIsolationRule.fieldsToRead("gcp:projects/iAMMember:IAMMember"))
                .contains("condition");
        assertThat(PreviewSecretIsolationRule.fieldsToRead("gcp:cloudfunctionsv2/function:Function"))
                .isNull();
        var input = Fixtures.input(
                StackKind.REVIEW,
                resource(
                        "gcp:cloudfunctionsv2/function:Function",
                        "fn",
                        map(
                                "serviceConfig",
                                map(
                                        "secretEnvironmentVariables",
                                        List.of(map("key", "K", "secret", "production-key"))))));
        assertThat(messages(rule, input)).singleElement().asString().contains("'production-key'");
    }

    @Test
    void otherStackKindsAndPlansWithNothingThatCanReferenceASecretAreNotApplicable() {
        Verdict production =
                verdict(rule, Fixtures.input(StackKind.PRODUCTION, service("app", "production-database-url")));
        assertThat(production.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(production.note()).isEqualTo("judges review stacks only; this is a production stack");
        Verdict inert =
                verdict(rule, Fixtures.input(StackKind.REVIEW, resource("gcp:storage/bucket:Bucket", "b", Map.of())));
        assertThat(inert.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(inert.note()).isEqualTo("no resources that can reference a secret to judge");
        Verdict scoped = verdict(rule, Fixtures.input(StackKind.REVIEW, service("app", "review-database-url")));
        assertThat(scoped.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(scoped.judged()).isEqualTo(1);
    }
}
