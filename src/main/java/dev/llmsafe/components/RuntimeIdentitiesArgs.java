package dev.llmsafe.components;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link RuntimeIdentities}.
 *
 * @param accounts environment name to the runtime service-account id
 * @param roles    project roles every runtime identity gets; defaults to writing logs, metrics and traces
 * @param iam      who may deploy a service running as an environment's runtime account
 *                 ({@link RuntimeIdentities#ACT_AS_ROLE}), keyed by the environment (its deployer)
 */
public record RuntimeIdentitiesArgs(String project, Map<String, String> accounts, List<String> roles, IamMembers iam) {
    public static final List<String> TELEMETRY_WRITER_ROLES =
            List.of("roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/cloudtrace.agent");

    public RuntimeIdentitiesArgs {
        Objects.requireNonNull(project, "project");
        if (accounts == null || accounts.isEmpty()) {
            throw new IllegalArgumentException("at least one environment's runtime account is required");
        }
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        roles = List.copyOf(roles == null ? TELEMETRY_WRITER_ROLES : roles);
        iam = iam == null ? IamMembers.none() : iam;
        for (String env : iam.keys()) {
            if (!accounts.containsKey(env)) {
                throw new IllegalArgumentException("iam names environment '" + env + "' which has no runtime account; "
                        + "environments: " + accounts.keySet());
            }
        }
    }
}
