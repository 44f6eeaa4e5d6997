package dev.llmsafe.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.llmsafe.components.AuditTrail;
import dev.llmsafe.components.AuditTrailArgs;
import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.components.GithubActionsIdentityArgs;
import dev.llmsafe.components.RuntimeIdentities;
import dev.llmsafe.components.RuntimeIdentitiesArgs;
import dev.llmsafe.components.SecretStore;
import dev.llmsafe.components.SecretStoreArgs;
import dev.llmsafe.components.StateBackend;
import dev.llmsafe.components.StateBackendArgs;
import dev.llmsafe.naming.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code platform} kind: state bucket, CI identity, GitHub governance, runtime identities, secrets and the
 * audit trail. */
final class PlatformProgram {
    private PlatformProgram() {
    }

    static void define(Context ctx, StackSettings s) {
        EnvironmentNames envs = s.environments();
        Map<String, String> deployers = new LinkedHashMap<>();
        Map<String, String> runtimes = new LinkedHashMap<>();
        for (String env : envs.all()) {
            deployers.put(env, deployerAccountId(s, env));
            runtimes.put(env, runtimeAccountId(s, env));
        }

        var identity = new GithubActionsIdentity("github-actions", new GithubActionsIdentityArgs(
                s.gcpProject(), s.identity().poolId(), s.identity().providerId(),
                s.github().repositoryId(), s.github().ownerId(), deployers, s.identity().deployerRoles()), null);

        Map<String, Output<String>> actAs = new LinkedHashMap<>();
        identity.deployerEmails().forEach((env, email) -> actAs.put(env, serviceAccountMember(email)));
        var runtime = new RuntimeIdentities("runtime", new RuntimeIdentitiesArgs(s.gcpProject(), runtimes, null, actAs),
                null);

        // The platform stack's own state: written by the people who run it, never by CI.
        StateBackendSettings st = s.stateBackend();
        var state = new StateBackend("state", new StateBackendArgs(s.gcpProject(), st.bucketName(), st.location(),
                st.noncurrentVersionDays(), st.maxNoncurrentVersions(), st.kmsKeyName(), st.adoptExisting(),
                st.protect(), s.baseLabels(), Map.of()), null);
        var environmentState = EnvironmentState.define(s, identity);

        // Each environment's secrets are readable by that environment's runtime and deployer only.
        Map<String, List<Output<String>>> accessors = new LinkedHashMap<>();
        for (String env : envs.all()) {
            accessors.put(env, List.of(serviceAccountMember(runtime.emails().get(env)),
                    serviceAccountMember(identity.deployerEmails().get(env))));
        }
        var secrets = new SecretStore("secrets", new SecretStoreArgs(s.gcpProject(), s.secrets().names(),
                s.secrets().replicaLocations(), s.secrets().values(), accessors, s.baseLabels()), null);

        // Every environment's deployer appends audit records (create and read only; see AuditTrail).
        AuditSettings au = s.audit();
        Map<String, Output<String>> auditWriters = new LinkedHashMap<>();
        for (String env : envs.all()) {
            auditWriters.put(env, serviceAccountMember(identity.deployerEmails().get(env)));
        }
        var audit = new AuditTrail("audit", new AuditTrailArgs(s.gcpProject(), au.bucketName(), au.checkpointBucketName(),
                au.location(),
                au.retentionDays(), au.lockRetention(), auditWriters, au.auditorsGroup(), au.logBucketId(),
                au.logLocation(), au.logRetentionDays(), s.baseLabels()), null);

        // What CI reads from every environment besides its own identity: where state and audit records live.
        Map<String, Output<String>> shared = new LinkedHashMap<>();
        shared.put("GCP_PROJECT", Output.of(s.gcpProject()));
        shared.put("GCP_REGION", Output.of(s.gcpRegion()));
        shared.put("AUDIT_BUCKET", audit.bucketName());
        shared.put("AUDIT_CHECKPOINT_BUCKET", audit.checkpointBucketName());
        var github = GovernanceWiring.define(s, s.governance().orElseThrow(), identity, shared,
                environmentState.ciVariables());

        ctx.export("kind", Output.of(s.kind().configValue()));
        ctx.export("stateBucket", state.bucketName());
        ctx.export("stateUrl", state.url());
        environmentState.buckets().forEach((env, bucket) -> ctx.export("stateBucket-" + env, bucket.bucketName()));
        environmentState.keys().secretsProviders().forEach((env, url) -> ctx.export("secretsProvider-" + env, url));
        ctx.export("workloadIdentityProvider", identity.providerName());
        identity.deployerEmails().forEach((env, email) -> ctx.export("deployer-" + env, email));
        runtime.emails().forEach((env, email) -> ctx.export("runtime-" + env, email));
        ctx.export("githubEnvironments", Output.all(List.copyOf(github.environments().values())));
        ctx.export("auditBucket", audit.bucketName());
        ctx.export("auditCheckpointBucket", audit.checkpointBucketName());
        ctx.export("auditLogBucket", audit.logBucketName());
        ctx.export("secretIds", Output.of(List.copyOf(new java.util.TreeSet<>(secrets.secretNames().keySet()))));
    }

    /** {@code <app>-deploy-<env>}, shortened with a hash where it would exceed 30 characters. */
    public static String deployerAccountId(StackSettings s, String env) {
        return Names.serviceAccountId(s.appName(), "deploy", env);
    }

    /** {@code <app>-run-<env>}: the identity the app runs as in that environment. */
    public static String runtimeAccountId(StackSettings s, String env) {
        return Names.serviceAccountId(s.appName(), "run", env);
    }

    static Output<String> serviceAccountMember(Output<String> email) {
        return email.applyValue(e -> "serviceAccount:" + e);
    }
}
