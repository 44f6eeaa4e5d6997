package dev.llmsafe.stack;

import com.pulumi.core.Output;
import dev.llmsafe.components.CiVariables;
import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.components.IamMembers;
import dev.llmsafe.components.StackSecretsKeys;
import dev.llmsafe.components.StackSecretsKeysArgs;
import dev.llmsafe.components.StateBackend;
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
        Map<String, StateBackend> buckets = new LinkedHashMap<>();
        Map<String, Output<String>> deployers = identity.deployerMembers();
        for (String env : s.environments().all()) {
            Map<String, String> labels = new TreeMap<>(s.baseLabels());
            labels.put("environment", env);
            // The platform's bucket settings, for a bucket the platform stack creates rather than adopts.
            buckets.put(
                    env,
                    new StateBackend(
                            "state-" + env,
                            s.stateBackend().toBuilder()
                                    .bucketName(bucketName(s.stateBackend().bucketName(), env))
                                    .adoptExisting(false)
                                    .labels(labels)
                                    .iam(IamMembers.of(env, deployers.get(env)))
                                    .build(),
                            null));
        }
        var keys = new StackSecretsKeys(
                "stack-keys",
                new StackSecretsKeysArgs(
                        s.gcpProject(), s.gcpRegion(), s.stackKeyRing(), IamMembers.of(deployers), s.baseLabels()),
                null);
        return new EnvironmentState(buckets, keys);
    }

    /** What CI reads in each environment: where its state is and how its stack secrets are encrypted. */
    void addCiVariables(CiVariables.Builder variables) {
        Map<String, Output<String>> bucketNames = new LinkedHashMap<>();
        buckets.forEach((env, bucket) -> bucketNames.put(env, bucket.bucketName()));
        variables.each("PULUMI_STATE_BUCKET", bucketNames).each("PULUMI_SECRETS_PROVIDER", keys.secretsProviders());
    }

    /** {@code <stateBucket>-<env>}, shortened with a hash where it would pass GCS's 63 characters. */
    static String bucketName(String base, String environment) {
        String name = base + "-" + environment;
        return name.length() <= 63 ? name : Names.dnsLabel(name, 63);
    }
}
