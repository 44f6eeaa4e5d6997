package dev.llmsafe.stack;

import com.pulumi.core.Output;
import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.components.StateBackend;
import dev.llmsafe.components.StateBackendArgs;
import dev.llmsafe.naming.Names;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Pulumi state bucket per environment, writable by that environment's deployer only. A preview job can then
 * neither read nor rewrite staging or production state: the buckets, not object-name conditions, keep them apart.
 */
final class EnvironmentState {
    private EnvironmentState() {
    }

    static Map<String, StateBackend> define(StackSettings s, GithubActionsIdentity identity) {
        StateBackendSettings st = s.stateBackend();
        Map<String, StateBackend> buckets = new LinkedHashMap<>();
        for (String env : s.environments().all()) {
            Map<String, String> labels = new TreeMap<>(s.baseLabels());
            labels.put("environment", env);
            Output<String> deployer = identity.deployerEmails().get(env).applyValue(e -> "serviceAccount:" + e);
            buckets.put(env, new StateBackend("state-" + env, new StateBackendArgs(s.gcpProject(),
                    bucketName(st.bucketName(), env), st.location(), st.noncurrentVersionDays(),
                    st.maxNoncurrentVersions(), st.kmsKeyName(), false, st.protect(), labels,
                    Map.of(env, deployer)), null));
        }
        return buckets;
    }

    /** {@code <stateBucket>-<env>}, shortened with a hash where it would pass GCS's 63 characters. */
    static String bucketName(String base, String environment) {
        String name = base + "-" + environment;
        return name.length() <= 63 ? name : Names.dnsLabel(name, 63);
    }
}
