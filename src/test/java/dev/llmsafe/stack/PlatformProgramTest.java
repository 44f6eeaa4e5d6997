package dev.llmsafe.stack;

import static dev.llmsafe.plan.Plans.named;
import static dev.llmsafe.plan.Plans.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.rules.BranchProtectionRule;
import dev.llmsafe.policy.rules.BucketHardeningRule;
import dev.llmsafe.policy.rules.EnvironmentApprovalsRule;
import dev.llmsafe.policy.rules.NoServiceAccountKeysRule;
import dev.llmsafe.policy.rules.PreviewBoundaryRule;
import dev.llmsafe.policy.rules.PreviewCostRule;
import dev.llmsafe.policy.rules.PreviewSecretIsolationRule;
import dev.llmsafe.policy.rules.ProviderTargetsRule;
import dev.llmsafe.policy.rules.PublicAccessRule;
import dev.llmsafe.policy.rules.WifProviderRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformProgramTest {

    private static PlanDocument plan(Map<String, String> extra) {
        var config = ValidConfig.platform();
        config.put("secretNames", "database-url");
        config.putAll(extra);
        return OfflinePlanner.plan(ValidConfig.read("platform", config));
    }

    @Test
    void buildsThePlatformComponentsWithEveryResourceParented() {
        var plan = plan(Map.of());
        assertThat(plan.resources())
                .filteredOn(r -> !r.custom())
                .extracting(PlannedResource::type)
                .containsExactlyInAnyOrder(
                        "llmsafe:components:GithubActionsIdentity",
                        "llmsafe:components:GithubGovernance",
                        "llmsafe:components:AuditTrail",
                        "llmsafe:components:RuntimeIdentities",
                        "llmsafe:components:StateBackend",
                        "llmsafe:components:StateBackend",
                        "llmsafe:components:StackSecretsKeys",
                        "llmsafe:components:StateBackend",
                        "llmsafe:components:StateBackend",
                        "llmsafe:components:SecretStore");
        // Explicit providers sit at the top so every component can use them; every other resource has a component.
        assertThat(plan.resources())
                .filteredOn(r -> r.custom() && !r.type().startsWith("pulumi:providers:"))
                .allSatisfy(r -> assertThat(r.parent()).contains("llmsafe:components:"));
        assertThat(plan.outputs())
                .containsEntry("stateBucket", "acme-shop-prod-pulumi-state")
                .containsEntry(
                        "workloadIdentityProvider",
                        "projects/000000000000/locations/global/workloadIdentityPools/github-actions/providers/github")
                .containsEntry("deployer-review", "app-deploy-review@acme-shop-prod.iam.gserviceaccount.com");
    }

    /** The plan as {@code llmsafe policy check} judges it: every rule, the project's policy file, the plan's kind. */
    private static PolicyReport judged(PlanDocument plan) throws Exception {
        PolicyFile policy =
                PolicyFile.load(CliRun.projectDir().resolve(PolicyFile.PROJECT_FILE), PolicyFile.PROJECT_FILE);
        return PolicyEngine.withAllRules()
                .evaluate(PolicyInput.builder(policy).plan(PlanView.of(plan)).build());
    }

    private static Verdict verdict(PolicyReport report, String rule) {
        return report.verdicts().stream()
                .filter(v -> v.rule().id().equals(rule))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The shipped platform stack, planned offline as {@code llmsafe policy check --stack platform} plans it: no
     * service-account key, no public member, one pinned Workload Identity provider, hardened buckets, human gates.
     */
    @Test
    void theShippedPlatformStackPassesEveryPlanRuleThatJudgesIt() throws Exception {
        var offline = OfflinePlanner.settingsForPlan(CliRun.projectDir(), "platform", Optional.empty(), Map.of());
        PolicyReport report = judged(OfflinePlanner.plan(offline.settings()));
        assertThat(report.exitCode()).as(report.summary()).isZero();
        for (String rule : List.of(
                ProviderTargetsRule.ID,
                NoServiceAccountKeysRule.ID,
                WifProviderRule.ID,
                PublicAccessRule.ID,
                BucketHardeningRule.ID,
                EnvironmentApprovalsRule.ID,
                BranchProtectionRule.ID)) {
            Verdict v = verdict(report, rule);
            assertThat(v.status()).as(rule + ": " + v.findings()).isEqualTo(Verdict.Status.PASS);
            assertThat(v.judged()).as(rule).isPositive();
            assertThat(v.excepted())
                    .as(rule + " passes on its own, nothing allowlisted or suppressed")
                    .isEmpty();
        }
        for (String rule : List.of(PreviewSecretIsolationRule.ID, PreviewBoundaryRule.ID, PreviewCostRule.ID)) {
            assertThat(verdict(report, rule).status()).as(rule).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        }
    }

    @Test
    void theEngineFindsAnAuditRetentionLeftUnlocked() throws Exception {
        assertThat(judged(plan(Map.of("auditLockRetention", "true"))).exitCode())
                .isZero();
        Verdict unlocked = verdict(judged(plan(Map.of())), BucketHardeningRule.ID);
        assertThat(unlocked.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(unlocked.findings())
                .extracting(f -> f.message())
                .containsExactly(
                        "the audit bucket audit-bucket has an unlocked retention policy (isLocked false)",
                        "the audit bucket audit-checkpoint-bucket has an unlocked retention policy (isLocked false)");
    }

    @Test
    void reviewSecretsAreReadableOnlyByReviewIdentities() {
        var plan = plan(Map.of());
        var reviewGrants = ofType(plan, "gcp:secretmanager/secretIamMember:SecretIamMember").stream()
                .filter(r -> r.inputs().get("secretId").equals("review-database-url"))
                .map(r -> (String) r.inputs().get("member"))
                .toList();
        assertThat(reviewGrants)
                .containsExactlyInAnyOrder(
                        "serviceAccount:app-run-review@acme-shop-prod.iam.gserviceaccount.com",
                        "serviceAccount:app-deploy-review@acme-shop-prod.iam.gserviceaccount.com");

        var productionGrants = ofType(plan, "gcp:secretmanager/secretIamMember:SecretIamMember").stream()
                .filter(r -> r.inputs().get("secretId").equals("production-database-url"))
                .map(r -> (String) r.inputs().get("member"))
                .toList();
        assertThat(productionGrants).noneMatch(m -> m.contains("review"));
    }

    @Test
    void platformStateBucketIsAdoptedProtectedAndNotWritableByCi() {
        var plan = plan(Map.of("stateBucket", "acme-state"));
        var bucket = named(plan, "state-bucket");
        assertThat(bucket.op()).isEqualTo("import");
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.inputs().get("labels"))
                .isEqualTo(Map.of("managed-by", "llm-safe", "app", "app", "stack", "platform"));
        assertThat(ofType(plan, "gcp:storage/bucketIAMMember:BucketIAMMember"))
                .noneMatch(r -> r.parent().endsWith("llmsafe:components:StateBackend::state"));
    }

    @Test
    void eachEnvironmentHasItsOwnStateBucketWritableByItsDeployerOnly() {
        var plan = plan(Map.of("stateBucket", "acme-state"));
        for (String env : new String[] {"review", "staging", "production"}) {
            var bucket = named(plan, "state-" + env + "-bucket");
            assertThat(bucket.inputs())
                    .containsEntry("name", "acme-state-" + env)
                    .containsEntry("publicAccessPrevention", "enforced")
                    .containsEntry("uniformBucketLevelAccess", true);
            assertThat(bucket.op())
                    .as("created by the platform stack, not adopted")
                    .isEqualTo("create");
            assertThat(ofType(plan, "gcp:storage/bucketIAMMember:BucketIAMMember"))
                    .filteredOn(r -> r.parent().endsWith("llmsafe:components:StateBackend::state-" + env))
                    .extracting(r -> r.inputs().get("member"))
                    .containsExactly("serviceAccount:app-deploy-" + env + "@acme-shop-prod.iam.gserviceaccount.com");
        }
        assertThat(plan.outputs()).containsEntry("stateBucket-production", "acme-state-production");
    }

    @Test
    void longStateBucketNamesStayValid() {
        String base = "a".repeat(55);
        String name = EnvironmentState.bucketName(base, "production");
        assertThat(name)
                .hasSizeLessThanOrEqualTo(63)
                .startsWith(base.substring(0, 40))
                .isNotEqualTo(EnvironmentState.bucketName(base, "productio2"));
        assertThat(EnvironmentState.bucketName("acme-state", "review")).isEqualTo("acme-state-review");
    }

    @Test
    void eachDeployerMayActAsItsOwnEnvironmentsRuntimeOnly() {
        var plan = plan(Map.of());
        var actAs = ofType(plan, "gcp:serviceaccount/iAMMember:IAMMember").stream()
                .filter(r -> "roles/iam.serviceAccountUser".equals(r.inputs().get("role")))
                .map(r ->
                        r.inputs().get("serviceAccountId") + " <- " + r.inputs().get("member"))
                .toList();
        String sa = "projects/acme-shop-prod/serviceAccounts/app-run-%s@acme-shop-prod.iam.gserviceaccount.com <- "
                + "serviceAccount:app-deploy-%s@acme-shop-prod.iam.gserviceaccount.com";
        assertThat(actAs)
                .containsExactlyInAnyOrder(
                        String.format(sa, "review", "review"),
                        String.format(sa, "staging", "staging"),
                        String.format(sa, "production", "production"));
    }

    @Test
    void sameConfigGivesTheSamePlan() {
        assertThat(plan(Map.of())).isEqualTo(plan(Map.of()));
    }

    /** The review Railway token reaches every preview project: a preview app must never be able to read it. */
    @Test
    void deployerSecretsAreReadableByEachDeployerAloneNeverByARuntime() {
        var plan = plan(Map.of("deployerSecretNames", "railway-token"));
        var tokenGrants = ofType(plan, "gcp:secretmanager/secretIamMember:SecretIamMember").stream()
                .filter(r -> r.inputs().get("secretId").toString().endsWith("-railway-token"))
                .map(r -> r.inputs().get("secretId") + " <- " + r.inputs().get("member"))
                .toList();
        assertThat(tokenGrants)
                .hasSize(3)
                .allSatisfy(g -> assertThat(g).contains("-deploy-").doesNotContain("-run-"));
        assertThat(tokenGrants)
                .contains(
                        "review-railway-token <- serviceAccount:app-deploy-review@acme-shop-prod.iam.gserviceaccount.com");
    }
}
