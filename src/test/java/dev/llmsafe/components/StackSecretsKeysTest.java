package dev.llmsafe.components;

import static dev.llmsafe.plan.Plans.named;
import static dev.llmsafe.plan.Plans.ofType;
import static dev.llmsafe.plan.Plans.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlanDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSecretsKeysTest {

    private static PlanDocument plan() {
        Map<String, Output<String>> users = new LinkedHashMap<>();
        users.put("review", Output.of("serviceAccount:deploy-review@p.iam.gserviceaccount.com"));
        users.put("production", Output.of("serviceAccount:deploy-production@p.iam.gserviceaccount.com"));
        var args = new StackSecretsKeysArgs(
                "acme-shop", "europe-west4", "pulumi-stacks", IamMembers.of(users), Map.of("team", "x"));
        return MockRun.run(
                "llm-safe",
                "platform",
                "platform",
                ctx -> {
                    var keys = new StackSecretsKeys("keys", args, null);
                    keys.secretsProviders().forEach((env, url) -> ctx.export("provider-" + env, url));
                },
                List.of());
    }

    @Test
    void oneRotatingProtectedKeyPerEnvironmentInOneRing() {
        var plan = plan();
        var ring = only(plan, "gcp:kms/keyRing:KeyRing");
        assertThat(ring.inputs()).containsEntry("name", "pulumi-stacks").containsEntry("location", "europe-west4");
        assertThat(ring.protect()).isTrue();
        var review = named(plan, "keys-review");
        assertThat(review.inputs())
                .containsEntry("name", "review-stacks")
                .containsEntry("purpose", "ENCRYPT_DECRYPT")
                .containsEntry("rotationPeriod", "7776000s")
                .containsEntry("labels", Map.of("team", "x", "environment", "review"));
        assertThat(review.protect())
                .as("deleting a key loses every secret it encrypted")
                .isTrue();
    }

    @Test
    void eachKeyIsUsableByItsOwnEnvironmentsDeployerOnly() {
        var grants = ofType(plan(), "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").stream()
                .map(r -> r.inputs().get("cryptoKeyId") + " <- " + r.inputs().get("member") + " as "
                        + r.inputs().get("role"))
                .toList();
        assertThat(grants)
                .containsExactlyInAnyOrder(
                        "keys-review-id <- serviceAccount:deploy-review@p.iam.gserviceaccount.com as "
                                + "roles/cloudkms.cryptoKeyEncrypterDecrypter",
                        "keys-production-id <- serviceAccount:deploy-production@p.iam.gserviceaccount.com as "
                                + "roles/cloudkms.cryptoKeyEncrypterDecrypter");
    }

    @Test
    void secretsProviderUrlsNameEachKey() {
        assertThat(plan().outputs())
                .containsEntry(
                        "provider-production",
                        "gcpkms://projects/acme-shop/locations/europe-west4/keyRings/pulumi-stacks/cryptoKeys/production-stacks");
    }

    @Test
    void badKeyRingNamesAreRejected() {
        assertThatThrownBy(() -> new StackSecretsKeysArgs(
                        "p", "europe-west4", "no spaces", IamMembers.of("review", Output.of("x")), Map.of()))
                .hasMessageContaining("'no spaces'");
    }
}
