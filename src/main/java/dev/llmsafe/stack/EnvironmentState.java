package dev.llmsafe.stack;

import com.pulumi.core.Output;
import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.components.StackSecretsKeys;
import dev.llmsafe.components.StackSecretsKeysArgs;
import dev.llmsafe.components.StateBackend;
import dev.llmsafe.components.StateBackendArgs;
import dev.llmsafe.naming.Names;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each environment keeps its Pulumi state: its own state bucket and its own key for stack secrets, both
 * usable by that environment's deployer only. A preview job can then neither read, rewrite nor decrypt staging or
 * production state: separate buckets and keys, not object-name conditions, keep them apart.
 */
record EnvironmentState(Map<String, StateBackend> buckets, StackSecretsKeys keys) {

    static EnvironmentState define(StackSettings s, GithubActionsIdentity identity) {
        StateBackendSettings st = s.stateBackend();
        Map<String, StateBackend> buckets = new LinkedHashMap<>();
        Map<String, Output<String>> deployers = new LinkedHashMap<>();
        for (String env : s.environments().all()) {
            Map<String, String> labels = new TreeMap<>(s.baseLabels());
            labels.put("environment", env);
            Output<String> deployer = identity.deployerEmails().get(env).applyValue(e -> "serviceAccount:" + e);
            deployers.put(env, deployer);
            buckets.put(env, new StateBackend("state-" + env, new StateBackendArgs(s.gcpProject(),
                    bucketName(st.bucketName(), env), st.location(), st.noncurrentVersionDays(),
                    st.maxNoncurrentVersions(), st.kmsKeyName(), false, st.protect(), labels,
                    Map.of(env, deployer)), null));
        }
        var keys = new StackSecretsKeys("stack-keys", new StackSecretsKeysArgs(s.gcpProject(), s.gcpRegion(),
                st.stackKeyRing(), deployers, s.baseLabels()), null);
        return new EnvironmentState(buckets, keys);
    }

    /** What CI reads in each environment: where its state is and how its stack secrets are encrypted. */
    Map<String, Map<String, Output<String>>> ciVariables() {
        Map<String, Map<String, Output<String>>> variables = new LinkedHashMap<>();
        buckets.forEach((env, bucket) -> variables.put(env, Map.of("PULUMI_STATE_BUCKET", bucket.bucketName(),
                "PULUMI_SECRETS_PROVIDER", keys.secretsProviders().get(env))));
        return variables;
    }

    /** {@code <stateBucket>-<env>}, shortened with a hash where it would pass GCS's 63 characters. */
    static String bucketName(String base, String environment) {
        String name = base + "-" + environment;
        return name.length() <= 63 ? name : Names.dnsLabel(name, 63);
    }
}
