package dev.llmsafe.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.llmsafe.components.AuditTrail;
import dev.llmsafe.components.CiVariables;
import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.components.GithubActionsIdentityArgs;
import dev.llmsafe.components.GithubGovernance;
import dev.llmsafe.components.IamMembers;
import dev.llmsafe.components.RuntimeIdentities;
import dev.llmsafe.components.RuntimeIdentitiesArgs;
import dev.llmsafe.components.SecretStore;
import dev.llmsafe.components.SecretStoreArgs;
import dev.llmsafe.components.StateBackend;
import dev.llmsafe.naming.ServiceAccounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The {@code platform} kind: state bucket, CI identity, GitHub governance, runtime identities, secrets and the
 * audit trail. */
final class PlatformProgram {
    private PlatformProgram() {}

    static void define(Context ctx, StackSettings s) {
        EnvironmentNames envs = s.environments();
        Map<String, String> deployers = new LinkedHashMap<>();
        Map<String, String> runtimes = new LinkedHashMap<>();
        for (String env : envs.all()) {
            deployers.put(env, ServiceAccounts.deployerId(s.appName(), env));
            runtimes.put(env, ServiceAccounts.runtimeId(s.appName(), env));
        }

        var identity = new GithubActionsIdentity(
                "github-actions",
                GithubActionsIdentityArgs.builder(
                                s.gcpProject(),
                                s.github().repositoryId(),
                                s.github().ownerId())
                        .poolId(s.identity().poolId())
                        .providerId(s.identity().providerId())
                        .deployers(deployers)
                        .deployerRoles(s.identity().deployerRoles())
                        .build(),
                null);
        Map<String, Output<String>> deployerMembers = identity.deployerMembers();

        var runtime = new RuntimeIdentities(
                "runtime",
                new RuntimeIdentitiesArgs(s.gcpProject(), runtimes, null, IamMembers.of(deployerMembers)),
                null);

        // The platform stack's own state: written by the people who run it, never by CI.
        var state = new StateBackend(
                "state", s.stateBackend().toBuilder().labels(s.baseLabels()).build(), null);
        var environmentState = EnvironmentState.define(s, identity);

        // Each environment's secrets are readable by that environment's runtime and deployer only; the deployer's
        // own secrets (deployerSecretNames) by its deployer alone, so no app, and no PR code in it, reads them.
        IamMembers.Builder readers = IamMembers.builder();
        for (String env : envs.all()) {
            readers.add(env, runtime.members().get(env)).add(env, deployerMembers.get(env));
        }
        var secrets = new SecretStore(
                "secrets",
                SecretStoreArgs.builder(s.gcpProject())
                        .names(s.secrets().names())
                        .deployerNames(s.secrets().deployerNames())
                        .replicaLocations(s.secrets().replicaLocations())
                        .values(s.secrets().values())
                        .iam(readers.build())
                        .deployerIam(IamMembers.of(deployerMembers))
                        .labels(s.baseLabels())
                        .build(),
                null);

        // Every environment's deployer appends audit records (create and read only; see AuditTrail).
        var audit = new AuditTrail(
                "audit",
                s.audit().toBuilder()
                        .iam(IamMembers.of(deployerMembers))
                        .labels(s.baseLabels())
                        .build(),
                null);

        // What CI reads in every environment: how to authenticate, where state and audit records live.
        CiVariables.Builder ci = CiVariables.builder(envs.all())
                .shared(GithubGovernance.PROVIDER_VARIABLE, identity.providerName())
                .each(GithubGovernance.SERVICE_ACCOUNT_VARIABLE, identity.deployerEmails())
                .shared("GCP_PROJECT", Output.of(s.gcpProject()))
                .shared("GCP_REGION", Output.of(s.gcpRegion()))
                .shared("AUDIT_BUCKET", audit.bucketName())
                .shared("AUDIT_CHECKPOINT_BUCKET", audit.checkpointBucketName());
        environmentState.addCiVariables(ci);
        var github = GovernanceWiring.define(s, s.governance().orElseThrow(), ci.build());

        ctx.export("kind", Output.of(s.kind().configValue()));
        ctx.export("stateBucket", state.bucketName());
        ctx.export("stateUrl", state.url());
        environmentState.buckets().forEach((env, bucket) -> ctx.export("stateBucket-" + env, bucket.bucketName()));
        environmentState.keys().secretsProviders().forEach((env, url) -> ctx.export("secretsProvider-" + env, url));
        ctx.export("workloadIdentityProvider", identity.providerName());
        identity.deployerEmails().forEach((env, email) -> ctx.export("deployer-" + env, email));
        runtime.emails().forEach((env, email) -> ctx.export("runtime-" + env, email));
        ctx.export(
                "githubEnvironments",
                Output.all(List.copyOf(github.environments().values())));
        ctx.export("auditBucket", audit.bucketName());
        ctx.export("auditCheckpointBucket", audit.checkpointBucketName());
        ctx.export("auditLogBucket", audit.logBucketName());
        ctx.export(
                "secretIds",
                Output.of(List.copyOf(new TreeSet<>(secrets.secretNames().keySet()))));
    }
}
