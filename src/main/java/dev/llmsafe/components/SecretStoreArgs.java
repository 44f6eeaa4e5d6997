package dev.llmsafe.components;

import dev.llmsafe.stack.SecretText;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link SecretStore}, built with {@link #builder}. Secrets exist in the environments {@code iam} names.
 *
 * @param names            secret names; each exists per environment as {@code <env>-<name>}
 * @param replicaLocations regions for user-managed replication; empty means automatic replication
 * @param values           secret id to its value (from Pulumi secret config only)
 * @param iam              who reads each environment's secrets ({@link SecretStore#ACCESSOR_ROLE}), keyed by the
 *                         environment: they read its secrets and no other's
 */
public record SecretStoreArgs(
        String project,
        List<String> names,
        List<String> replicaLocations,
        Map<String, SecretText> values,
        IamMembers iam,
        Map<String, String> labels) {

    public SecretStoreArgs {
        Objects.requireNonNull(project, "project");
        names = List.copyOf(names == null ? List.of() : names);
        replicaLocations = List.copyOf(replicaLocations == null ? List.of() : replicaLocations);
        values = Map.copyOf(values == null ? Map.of() : values);
        if (iam == null || iam.isEmpty()) {
            throw new IllegalArgumentException("iam must name at least one environment and who reads its secrets");
        }
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        List<String> declaredNames = names;
        for (String id : values.keySet()) {
            boolean declared = iam.keys().stream().anyMatch(env -> declaredNames.contains(stripEnv(id, env)));
            if (!declared) {
                throw new IllegalArgumentException("secret value '" + id + "' names no declared secret; ids are "
                        + "<environment>-<name> for environments " + iam.keys() + " and names " + names);
            }
        }
    }

    private static String stripEnv(String id, String env) {
        return id.startsWith(env + "-") ? id.substring(env.length() + 1) : "";
    }

    public static Builder builder(String project) {
        return new Builder(project);
    }

    public static final class Builder {
        private final String project;
        private List<String> names = List.of();
        private List<String> replicaLocations = List.of();
        private Map<String, SecretText> values = Map.of();
        private IamMembers iam = IamMembers.none();
        private Map<String, String> labels = Map.of();

        private Builder(String project) {
            this.project = project;
        }

        public Builder names(List<String> names) {
            this.names = names;
            return this;
        }

        public Builder replicaLocations(List<String> replicaLocations) {
            this.replicaLocations = replicaLocations;
            return this;
        }

        public Builder values(Map<String, SecretText> values) {
            this.values = values;
            return this;
        }

        /** Environment name to who may read that environment's secrets. */
        public Builder iam(IamMembers iam) {
            this.iam = iam;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public SecretStoreArgs build() {
            return new SecretStoreArgs(project, names, replicaLocations, values, iam, labels);
        }
    }

    /** The secret id of {@code name} in {@code environment}. */
    public static String secretId(String environment, String name) {
        return environment + "-" + name;
    }
}
