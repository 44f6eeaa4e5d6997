package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.components.GithubGovernance;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform program as `plan --stack platform` runs it, from the repository's own Pulumi.platform.yaml. */
class PlatformGovernanceTest {
    private static final String VARIABLE = "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable";
    private static PlanDocument plan;
    private static StackSettings settings;

    @BeforeAll
    static void planThePlatformStack() throws IOException {
        Path project = Path.of(System.getProperty("llmsafe.projectDir", "."));
        settings = OfflinePlanner.settings(project, "platform", Optional.empty(), Map.of());
        plan = OfflinePlanner.plan(settings);
    }

    private static List<PlannedResource> ofType(String type) {
        return plan.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    private static PlannedResource variable(String env, String name) {
        var matches = ofType(VARIABLE).stream()
                .filter(r -> env.equals(r.inputs().get("environment"))
                        && name.equals(r.inputs().get("variableName")))
                .toList();
        assertThat(matches).as(env + " " + name).hasSize(1);
        return matches.get(0);
    }

    @Test
    void ciVariablesCarryTheIdentityComponentsOutputs() {
        for (String env : settings.environments().all()) {
            assertThat(variable(env, GithubGovernance.PROVIDER_VARIABLE)
                            .inputs()
                            .get("value"))
                    .isEqualTo(plan.outputs().get("workloadIdentityProvider"))
                    .asString()
                    .startsWith("projects/" + dev.llmsafe.plan.PlaceholderOutputs.PROJECT_NUMBER);
            assertThat(variable(env, GithubGovernance.SERVICE_ACCOUNT_VARIABLE)
                            .inputs()
                            .get("value"))
                    .isEqualTo(plan.outputs().get("deployer-" + env));
            // The workflows read these from every deploying environment (vars.PULUMI_STATE_BUCKET, ...).
            // Each environment's jobs log in to that environment's own state bucket.
            assertThat(variable(env, "PULUMI_STATE_BUCKET").inputs().get("value"))
                    .isEqualTo(plan.outputs().get("stateBucket-" + env))
                    .isNotEqualTo(plan.outputs().get("stateBucket"));
            assertThat(variable(env, "PULUMI_SECRETS_PROVIDER").inputs().get("value"))
                    .isEqualTo(plan.outputs().get("secretsProvider-" + env))
                    .asString()
                    .endsWith("/" + env + "-stacks");
            assertThat(variable(env, "AUDIT_BUCKET").inputs().get("value"))
                    .isEqualTo(plan.outputs().get("auditBucket"));
            assertThat(variable(env, "AUDIT_CHECKPOINT_BUCKET").inputs().get("value"))
                    .isEqualTo(plan.outputs().get("auditCheckpointBucket"))
                    .isNotEqualTo(plan.outputs().get("auditBucket"));
            assertThat(variable(env, "GCP_PROJECT").inputs().get("value")).isEqualTo(settings.gcpProject());
            assertThat(variable(env, "GCP_REGION").inputs().get("value")).isEqualTo(settings.gcpRegion());
        }
        String approval = settings.governance().orElseThrow().approvalEnvironment();
        assertThat(ofType(VARIABLE))
                .as("the approval environment deploys nothing, so it gets no identity")
                .noneMatch(r -> approval.equals(r.inputs().get("environment")));
    }

    @Test
    void fourEnvironmentsWithTheConfiguredReviewerIds() {
        var g = settings.governance().orElseThrow();
        Map<String, Object> byEnv = new HashMap<>();
        ofType("github:index/repositoryEnvironment:RepositoryEnvironment")
                .forEach(r -> byEnv.put(
                        (String) r.inputs().get("environment"), r.inputs().get("reviewers")));
        assertThat(byEnv).containsOnlyKeys("review", "staging", g.approvalEnvironment(), "production");
        assertThat(byEnv.get("review")).isNull();
        assertThat(byEnv.get("production"))
                .isEqualTo(List.of(Map.of(
                        "users",
                                g.productionReviewers().userIds().stream()
                                        .map(Long::doubleValue)
                                        .toList(),
                        "teams",
                                g.productionReviewers().teamIds().stream()
                                        .map(Long::doubleValue)
                                        .toList())));
        assertThat(byEnv.get(g.approvalEnvironment()))
                .isEqualTo(List.of(Map.of(
                        "users",
                        g.productionApprovalReviewers().userIds().stream()
                                .map(Long::doubleValue)
                                .toList())));
    }

    @Test
    void theGithubProviderNamesTheOwnerAndNeverHoldsAPlainToken() {
        var provider = ofType("pulumi:providers:github");
        assertThat(provider).singleElement().satisfies(p -> {
            assertThat(p.inputs()).containsEntry("owner", settings.github().owner());
            Object token = p.inputs().get("token");
            assertThat(token == null || PlannedResource.SECRET.equals(token))
                    .as("token is absent or redacted")
                    .isTrue();
        });
        assertThat(plan.outputs().get("githubEnvironments"))
                .isEqualTo(List.of("review", "staging", "production-approval", "production"));
    }
}
