package dev.llmsafe.components;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link GithubActionsIdentity}.
 *
 * @param repositoryId   GitHub's numeric repository id; trust is pinned to it, never to the name
 * @param ownerId        GitHub's numeric owner id
 * @param deployers      environment name to its deployer's service-account id
 * @param deployerRoles  environment name to the project roles its deployer gets
 */
public record GithubActionsIdentityArgs(
        String project,
        String poolId,
        String providerId,
        long repositoryId,
        long ownerId,
        Map<String, String> deployers,
        Map<String, List<String>> deployerRoles) {

    public GithubActionsIdentityArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(providerId, "providerId");
        if (repositoryId <= 0 || ownerId <= 0) {
            throw new IllegalArgumentException("repositoryId and ownerId must be GitHub's numeric ids (> 0), got "
                    + repositoryId + " and " + ownerId);
        }
        if (deployers == null || deployers.isEmpty()) {
            throw new IllegalArgumentException("at least one environment deployer is required");
        }
        deployers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deployers));
        deployerRoles = Map.copyOf(deployerRoles == null ? Map.of() : deployerRoles);
        for (String env : deployerRoles.keySet()) {
            if (!deployers.containsKey(env)) {
                throw new IllegalArgumentException("deployerRoles names environment '" + env
                        + "' which has no deployer; environments: " + deployers.keySet());
            }
        }
    }
}
