package dev.llmsafe.components;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link RuntimeIdentities}.
 *
 * @param accounts environment name to the runtime service-account id
 * @param roles    project roles every runtime identity gets; defaults to writing logs, metrics and traces
 * @param actAs    environment name to the members (that environment's deployer) allowed to deploy a service
 *                 running as that environment's runtime account ({@code roles/iam.serviceAccountUser})
 */
public record RuntimeIdentitiesArgs(String project, Map<String, String> accounts, List<String> roles,
                                    Map<String, com.pulumi.core.Output<String>> actAs) {
    public static final List<String> TELEMETRY_WRITER_ROLES =
            List.of("roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/cloudtrace.agent");

    public RuntimeIdentitiesArgs {
        Objects.requireNonNull(project, "project");
        if (accounts == null || accounts.isEmpty()) {
            throw new IllegalArgumentException("at least one environment's runtime account is required");
        }
        accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        roles = List.copyOf(roles == null ? TELEMETRY_WRITER_ROLES : roles);
        actAs = Map.copyOf(actAs == null ? Map.of() : actAs);
        for (String env : actAs.keySet()) {
            if (!accounts.containsKey(env)) {
                throw new IllegalArgumentException("actAs names environment '" + env + "' which has no runtime account; "
                        + "environments: " + accounts.keySet());
            }
        }
    }
}
