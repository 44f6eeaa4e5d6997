package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoServiceAccountKeysRuleTest {
    private final NoServiceAccountKeysRule rule = new NoServiceAccountKeysRule();

    @Test
    void accountsWorkloadIdentityAndOrdinarySecretsPass() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                resource("gcp:serviceaccount/account:Account", "deployer", Map.of("accountId", "shop-deploy")),
                resource("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "wif", Map.of()),
                resource(
                        "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
                        "db",
                        Map.of("secretName", "DATABASE_URL", "environment", "staging")));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void serviceAccountAndHmacKeysOfAnyProviderFail() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                resource("gcp:serviceaccount/key:Key", "ci-key", Map.of("serviceAccountId", "x")),
                resource("gcp:storage/hmacKey:HmacKey", "hmac", Map.of()),
                resource("google-native:iam/v1:ServiceAccountKey", "native-key", Map.of()));
        assertThat(messages(rule, input))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m).contains("long-lived key"));
    }

    @Test
    void keysKeptAsCiSecretsFail() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                resource("github:index/actionsSecret:ActionsSecret", "key", Map.of("secretName", "GCP_SA_KEY")),
                resource(
                        "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
                        "json",
                        Map.of("secretName", "GOOGLE_CREDENTIALS", "environment", "production")));
        assertThat(messages(rule, input))
                .containsExactlyInAnyOrder(
                        "CI secret GCP_SA_KEY (key) is named like a service-account or HMAC key",
                        "CI secret GOOGLE_CREDENTIALS (json) is named like a service-account or HMAC key");
    }

    @Test
    void deletingAKeyPasses() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                Fixtures.withOp(resource("gcp:serviceaccount/key:Key", "old-key", Map.of()), "delete"));
        assertThat(rule.check(input)).isEmpty();
    }

    private static final String KEY_FILE = Fixtures.SERVICE_ACCOUNT_KEY_FILE;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "github:index/actionsSecret:ActionsSecret",
                        "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
                "github:index/actionsOrganizationSecret:ActionsOrganizationSecret",
                        "github:index/dependabotSecret:DependabotSecret",
                "github:index/dependabotOrganizationSecret:DependabotOrganizationSecret",
                        "github:index/codespacesSecret:CodespacesSecret",
                "github:index/codespacesOrganizationSecret:CodespacesOrganizationSecret",
                        "github:index/codespacesUserSecret:CodespacesUserSecret",
                "github:index/actionsVariable:ActionsVariable",
                        "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable",
                "github:index/actionsOrganizationVariable:ActionsOrganizationVariable"
            })
    void keyMaterialFailsInEverySecretAndVariableWhateverItIsNamed(String type) {
        for (String field : NoServiceAccountKeysRule.VALUE_FIELDS) {
            var input = Fixtures.input(
                    StackKind.PLATFORM, resource(type, "r", Map.of("secretName", "APP_SETTINGS", field, KEY_FILE)));
            assertThat(messages(rule, input))
                    .as(field)
                    .singleElement()
                    .asString()
                    .contains("holds a service-account key file in its " + field);
        }
    }

    @Test
    void keyMaterialIsFoundThroughEncodingsAndEscapes() {
        String b64 = Base64.getEncoder().encodeToString(KEY_FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String twice = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(b64.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String mime =
                Base64.getMimeEncoder().encodeToString(KEY_FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String quoted = new com.fasterxml.jackson.databind.node.TextNode(KEY_FILE).toString();
        String pem = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIB\n-----END RSA " + "PRIVATE KEY-----";
        String escaped =
                KEY_FILE.replace("\"type\"", "\"\\u0074ype\"").replace("service_account", "service\\u005Faccount");
        for (String value : List.of(b64, twice, mime, quoted, pem, escaped, "{\"nested\":[{\"private_key\":\"x\"}]}")) {
            var input = Fixtures.input(
                    StackKind.PLATFORM,
                    resource(
                            "github:index/actionsVariable:ActionsVariable",
                            "v",
                            Map.of("variableName", "X", "value", value)));
            assertThat(messages(rule, input))
                    .as(value)
                    .singleElement()
                    .asString()
                    .contains("CI variable X (v) holds ");
        }
    }

    @Test
    void ordinaryValuesAndValuesComputedAtApplyPass() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                resource(
                        "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable",
                        "wif",
                        Map.of(
                                "variableName",
                                "GCP_WORKLOAD_IDENTITY_PROVIDER",
                                "value",
                                "projects/1/locations/global/workloadIdentityPools/p/providers/g")),
                resource(
                        "github:index/actionsVariable:ActionsVariable",
                        "json",
                        Map.of("variableName", "FLAGS", "value", "{\"type\":\"feature\",\"enabled\":true}")),
                resource(
                        "github:index/actionsVariable:ActionsVariable",
                        "b64",
                        Map.of(
                                "variableName",
                                "LOGO",
                                "value",
                                Base64.getEncoder().encodeToString("just a picture, honestly".getBytes()))),
                resource(
                        "github:index/actionsVariable:ActionsVariable",
                        "later",
                        Map.of("variableName", "SA", "value", dev.llmsafe.plan.PlannedResource.UNKNOWN)));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void aSecretValueThePlanHidesCannotBeShownKeyFree() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                resource(
                        "github:index/actionsSecret:ActionsSecret",
                        "s",
                        Map.of(
                                "secretName",
                                "DEPLOY_SETTINGS",
                                "plaintextValue",
                                dev.llmsafe.plan.PlannedResource.SECRET)));
        assertThat(messages(rule, input))
                .containsExactly("CI secret DEPLOY_SETTINGS (s) has a plaintextValue the plan "
                        + "hides as a secret, so it cannot be shown to hold no service-account key");
    }

    @Test
    void anEmptyPlanIsNotApplicableAndAPlanWithoutKeysPasses() {
        Verdict none = verdict(rule, Fixtures.input(StackKind.PLATFORM));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no resources to judge");
        Verdict one = verdict(
                rule,
                Fixtures.input(
                        StackKind.PLATFORM,
                        resource(
                                "gcp:serviceaccount/account:Account", "deployer", Map.of("accountId", "shop-deploy"))));
        assertThat(one.status()).as("every resource is judged for being a key").isEqualTo(Verdict.Status.PASS);
        assertThat(one.judged()).isEqualTo(1);
    }
}
