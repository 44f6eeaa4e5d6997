package dev.llmsafe.components;

import static dev.llmsafe.plan.Plans.named;
import static dev.llmsafe.plan.Plans.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.stack.SecretText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretStoreTest {
    private static final String VALUE = "postgres://app:hunter2@db/shop";

    private static PlanDocument plan(List<String> replicas) {
        var readers = IamMembers.builder()
                .add("review", Output.of("serviceAccount:run-review@p.iam.gserviceaccount.com"))
                .add("production", Output.of("serviceAccount:run-production@p.iam.gserviceaccount.com"))
                .add("production", Output.of("serviceAccount:deploy-production@p.iam.gserviceaccount.com"))
                .build();
        var args = SecretStoreArgs.builder("acme-shop")
                .names(List.of("database-url"))
                .replicaLocations(replicas)
                .values(Map.of("production-database-url", new SecretText(VALUE)))
                .iam(readers)
                .labels(Map.of("team", "platform"))
                .build();
        return MockRun.run(
                "llm-safe", "platform", "platform", ctx -> new SecretStore("secrets", args, null), List.of(VALUE));
    }

    @Test
    void oneSecretPerEnvironmentWithLabelsAndAutomaticReplication() {
        var plan = plan(List.of());
        var secrets = ofType(plan, "gcp:secretmanager/secret:Secret");

        assertThat(secrets)
                .extracting(r -> r.inputs().get("secretId"))
                .containsExactlyInAnyOrder("review-database-url", "production-database-url");
        assertThat(named(plan, "secrets-review-database-url").inputs())
                .containsEntry("labels", Map.of("team", "platform", "environment", "review"))
                .containsEntry("replication", Map.of("auto", Map.of()));
    }

    @Test
    void userManagedReplicationWhenLocationsAreGiven() {
        var secret = named(plan(List.of("europe-west4", "europe-west1")), "secrets-review-database-url");
        assertThat(secret.inputs().get("replication"))
                .isEqualTo(Map.of(
                        "userManaged",
                        Map.of(
                                "replicas",
                                List.of(Map.of("location", "europe-west4"), Map.of("location", "europe-west1")))));
    }

    @Test
    void accessIsGrantedOnlyToTheSecretsOwnEnvironment() {
        var plan = plan(List.of());
        var grants = ofType(plan, "gcp:secretmanager/secretIamMember:SecretIamMember").stream()
                .map(r -> r.inputs().get("secretId") + " <- " + r.inputs().get("member") + " as "
                        + r.inputs().get("role"))
                .toList();

        assertThat(grants)
                .containsExactlyInAnyOrder(
                        "review-database-url <- serviceAccount:run-review@p.iam.gserviceaccount.com as "
                                + "roles/secretmanager.secretAccessor",
                        "production-database-url <- serviceAccount:run-production@p.iam.gserviceaccount.com as "
                                + "roles/secretmanager.secretAccessor",
                        "production-database-url <- serviceAccount:deploy-production@p.iam.gserviceaccount.com as "
                                + "roles/secretmanager.secretAccessor");
    }

    @Test
    void configuredValuesBecomeVersionsAndNeverAppearInThePlan() {
        var plan = plan(List.of());
        var versions = ofType(plan, "gcp:secretmanager/secretVersion:SecretVersion");

        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).inputs())
                .containsEntry("secretData", PlannedResource.SECRET)
                .containsEntry("secret", "projects/000000000000/secrets/production-database-url");
        assertThat(plan.toString()).doesNotContain("hunter2");
    }

    @Test
    void valuesForUndeclaredSecretsAreRejectedByName() {
        assertThatThrownBy(() -> SecretStoreArgs.builder("p")
                        .names(List.of("database-url"))
                        .values(Map.of("staging-api-key", new SecretText("x")))
                        .iam(IamMembers.of("staging", Output.of("serviceAccount:a@p.iam.gserviceaccount.com")))
                        .build())
                .hasMessageContaining("staging-api-key");
    }

    /** CI's own secrets (the Railway token) are read by the deployer alone: no app, and no PR code in it, reads them. */
    @Test
    void deployerSecretsAreReadableByTheDeployerAlone() {
        var runtime = Output.of("serviceAccount:run-review@p.iam.gserviceaccount.com");
        var deployer = Output.of("serviceAccount:deploy-review@p.iam.gserviceaccount.com");
        var args = SecretStoreArgs.builder("p")
                .names(List.of("database-url"))
                .deployerNames(List.of("railway-token"))
                .iam(IamMembers.builder()
                        .add("review", runtime)
                        .add("review", deployer)
                        .build())
                .deployerIam(IamMembers.of("review", deployer))
                .values(Map.of("review-railway-token", new SecretText("rw-9f8e7d")))
                .build();
        var plan = MockRun.run(
                "llm-safe",
                "platform",
                "platform",
                ctx -> new SecretStore("secrets", args, null),
                List.of("rw-9f8e7d"));
        var grants = ofType(plan, "gcp:secretmanager/secretIamMember:SecretIamMember").stream()
                .map(r -> r.inputs().get("secretId") + " <- " + r.inputs().get("member"))
                .toList();
        assertThat(grants)
                .containsExactlyInAnyOrder(
                        "review-database-url <- serviceAccount:run-review@p.iam.gserviceaccount.com",
                        "review-database-url <- serviceAccount:deploy-review@p.iam.gserviceaccount.com",
                        "review-railway-token <- serviceAccount:deploy-review@p.iam.gserviceaccount.com");
        assertThat(ofType(plan, "gcp:secretmanager/secretVersion:SecretVersion"))
                .hasSize(1);
    }

    @Test
    void aDeployerSecretNeedsItsReadersAndIsListedOnce() {
        var member = IamMembers.of("staging", Output.of("serviceAccount:a@p.iam.gserviceaccount.com"));
        assertThatThrownBy(() -> SecretStoreArgs.builder("p")
                        .deployerNames(List.of("railway-token"))
                        .iam(member)
                        .build())
                .hasMessageContaining("deployerIam")
                .hasMessageContaining("[staging]");
        assertThatThrownBy(() -> SecretStoreArgs.builder("p")
                        .names(List.of("railway-token"))
                        .deployerNames(List.of("railway-token"))
                        .iam(member)
                        .deployerIam(member)
                        .build())
                .hasMessageContaining("'railway-token'")
                .hasMessageContaining("list it once");
    }
}
