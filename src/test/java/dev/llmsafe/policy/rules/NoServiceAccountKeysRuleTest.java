package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.stack.StackKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class NoServiceAccountKeysRuleTest {
    private final NoServiceAccountKeysRule rule = new NoServiceAccountKeysRule();

    @Test
    void accountsWorkloadIdentityAndOrdinarySecretsPass() {
        var input = Fixtures.input(StackKind.PLATFORM,
                resource("gcp:serviceaccount/account:Account", "deployer", Map.of("accountId", "shop-deploy")),
                resource("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "wif", Map.of()),
                resource("github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret", "db",
                        Map.of("secretName", "DATABASE_URL", "environment", "staging")));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void serviceAccountAndHmacKeysOfAnyProviderFail() {
        var input = Fixtures.input(StackKind.PLATFORM,
                resource("gcp:serviceaccount/key:Key", "ci-key", Map.of("serviceAccountId", "x")),
                resource("gcp:storage/hmacKey:HmacKey", "hmac", Map.of()),
                resource("google-native:iam/v1:ServiceAccountKey", "native-key", Map.of()));
        assertThat(messages(rule, input)).hasSize(3).allSatisfy(m -> assertThat(m).contains("long-lived key"));
    }

    @Test
    void keysKeptAsCiSecretsFail() {
        var input = Fixtures.input(StackKind.PLATFORM,
                resource("github:index/actionsSecret:ActionsSecret", "key", Map.of("secretName", "GCP_SA_KEY")),
                resource("github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret", "json",
                        Map.of("secretName", "GOOGLE_CREDENTIALS", "environment", "production")));
        assertThat(messages(rule, input)).containsExactlyInAnyOrder(
                "CI secret GCP_SA_KEY (key) is named like a service-account or HMAC key",
                "CI secret GOOGLE_CREDENTIALS (json) is named like a service-account or HMAC key");
    }

    @Test
    void deletingAKeyPasses() {
        var input = Fixtures.input(StackKind.PLATFORM,
                Fixtures.withOp(resource("gcp:serviceaccount/key:Key", "old-key", Map.of()), "delete"));
        assertThat(rule.check(input)).isEmpty();
    }
}
