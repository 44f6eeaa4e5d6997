package dev.llmsafe.components;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link GithubActionsIdentity}, built with {@link #builder}.
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

    public static final String DEFAULT_POOL_ID = "github-actions";
    public static final String DEFAULT_PROVIDER_ID = "github";

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
        deployers = Collections.unmodifiableMap(new LinkedHashMap<>(deployers));
        deployerRoles = Map.copyOf(deployerRoles == null ? Map.of() : deployerRoles);
        for (String env : deployerRoles.keySet()) {
            if (!deployers.containsKey(env)) {
                throw new IllegalArgumentException("deployerRoles names environment '" + env
                        + "' which has no deployer; environments: " + deployers.keySet());
            }
        }
    }

    public static Builder builder(String project, long repositoryId, long ownerId) {
        return new Builder(project, repositoryId, ownerId);
    }

    public static final class Builder {
        private final String project;
        private final long repositoryId;
        private final long ownerId;
        private String poolId = DEFAULT_POOL_ID;
        private String providerId = DEFAULT_PROVIDER_ID;
        private Map<String, String> deployers = Map.of();
        private Map<String, List<String>> deployerRoles = Map.of();

        private Builder(String project, long repositoryId, long ownerId) {
            this.project = project;
            this.repositoryId = repositoryId;
            this.ownerId = ownerId;
        }

        public Builder poolId(String poolId) {
            this.poolId = poolId;
            return this;
        }

        public Builder providerId(String providerId) {
            this.providerId = providerId;
            return this;
        }

        public Builder deployers(Map<String, String> deployers) {
            this.deployers = deployers;
            return this;
        }

        public Builder deployerRoles(Map<String, List<String>> deployerRoles) {
            this.deployerRoles = deployerRoles;
            return this;
        }

        public GithubActionsIdentityArgs build() {
            return new GithubActionsIdentityArgs(
                    project, poolId, providerId, repositoryId, ownerId, deployers, deployerRoles);
        }
    }
}
