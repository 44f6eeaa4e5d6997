package dev.llmsafe.components;

import static dev.llmsafe.plan.Plans.named;
import static dev.llmsafe.plan.Plans.ofType;
import static dev.llmsafe.plan.Plans.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlanDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubActionsIdentityTest {
    private static final String POOL = "projects/000000000000/locations/global/workloadIdentityPools/gha";

    private static PlanDocument plan() {
        Map<String, String> deployers = new LinkedHashMap<>();
        deployers.put("review", "shop-deploy-review");
        deployers.put("production", "shop-deploy-production");
        var args = GithubActionsIdentityArgs.builder("acme-shop", 712345678L, 98765432L)
                .poolId("gha")
                .providerId("github")
                .deployers(deployers)
                .deployerRoles(
                        Map.of("review", List.of("roles/run.developer"), "production", List.of("roles/run.admin")))
                .build();
        return MockRun.run(
                "llm-safe", "platform", "platform", ctx -> new GithubActionsIdentity("ci", args, null), List.of());
    }

    @Test
    void providerTrustsOnlyThisRepositoryByNumericIds() {
        var provider = only(plan(), "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider");

        assertThat(provider.inputs().get("attributeCondition"))
                .isEqualTo("assertion.repository_id == '712345678' && assertion.repository_owner_id == '98765432'");
        assertThat(provider.inputs().get("oidc"))
                .isEqualTo(Map.of("issuerUri", "https://token.actions.githubusercontent.com"));
        @SuppressWarnings("unchecked")
        var mapping = (Map<String, String>) provider.inputs().get("attributeMapping");
        assertThat(mapping)
                .containsEntry("google.subject", "assertion.sub")
                .containsEntry("attribute.repository_id", "assertion.repository_id")
                .containsEntry("attribute.repository_owner_id", "assertion.repository_owner_id")
                .containsEntry("attribute.ref", "assertion.ref")
                .containsEntry("attribute.environment", "assertion.environment")
                .containsEntry("attribute.actor", "assertion.actor");
        assertThat(provider.inputs())
                .containsEntry("workloadIdentityPoolId", "gha")
                .containsEntry("workloadIdentityPoolProviderId", "github");
    }

    @Test
    void eachDeployerIsImpersonableOnlyFromItsOwnEnvironment() {
        var plan = plan();
        var review = named(plan, "ci-deployer-review-wif");
        var production = named(plan, "ci-deployer-production-wif");

        assertThat(review.inputs())
                .containsEntry("role", "roles/iam.workloadIdentityUser")
                .containsEntry("member", "principalSet://iam.googleapis.com/" + POOL + "/attribute.environment/review")
                .containsEntry(
                        "serviceAccountId",
                        "projects/acme-shop/serviceAccounts/shop-deploy-review@acme-shop.iam.gserviceaccount.com");
        assertThat(production.inputs())
                .containsEntry(
                        "member", "principalSet://iam.googleapis.com/" + POOL + "/attribute.environment/production");
        assertThat(ofType(plan, "gcp:serviceaccount/iAMMember:IAMMember"))
                .hasSize(2)
                .allSatisfy(m -> assertThat((String) m.inputs().get("member"))
                        .startsWith("principalSet://")
                        .doesNotContain("*"));
    }

    @Test
    void projectRolesArePerEnvironmentAndNoKeyExists() {
        var plan = plan();
        var roles = ofType(plan, "gcp:projects/iAMMember:IAMMember").stream()
                .map(r -> r.inputs().get("role") + " -> " + r.inputs().get("member"))
                .toList();

        assertThat(roles)
                .containsExactlyInAnyOrder(
                        "roles/run.developer -> serviceAccount:shop-deploy-review@acme-shop.iam.gserviceaccount.com",
                        "roles/run.admin -> serviceAccount:shop-deploy-production@acme-shop.iam.gserviceaccount.com");
        assertThat(plan.resources())
                .noneMatch(r -> r.type().startsWith("gcp:serviceaccount/key:")
                        || r.type().contains("hmacKey"));
    }

    @Test
    void rolesForAnEnvironmentWithoutDeployerAreRejected() {
        assertThatThrownBy(() -> GithubActionsIdentityArgs.builder("p", 1, 2)
                        .poolId("gha")
                        .deployers(Map.of("review", "a-deploy-review"))
                        .deployerRoles(Map.of("prod", List.of("roles/run.admin")))
                        .build())
                .hasMessageContaining("'prod'");
        assertThatThrownBy(() -> GithubActionsIdentityArgs.builder("p", 0, 2)
                        .poolId("gha")
                        .deployers(Map.of("review", "a-deploy-review"))
                        .build())
                .hasMessageContaining("numeric");
    }
}
