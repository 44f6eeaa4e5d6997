package dev.llmsafe.components;

import dev.llmsafe.stack.SecretText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link SecretStore}, built with {@link #builder}. Secrets exist in the environments {@code iam} names.
 *
 * @param names            secret names; each exists per environment as {@code <env>-<name>}, read by {@code iam}
 * @param deployerNames    secret names read only by {@code deployerIam} (CI's tokens and passwords, which no app
 *                         reads), kept apart so that a grant to an app's runtime can never reach them
 * @param replicaLocations regions for user-managed replication; empty means automatic replication
 * @param values           secret id to its value (from Pulumi secret config only)
 * @param iam              who reads each environment's secrets ({@link SecretStore#ACCESSOR_ROLE}), keyed by the
 *                         environment: they read its secrets and no other's
 * @param deployerIam      who reads each environment's {@code deployerNames} secrets; every environment with such
 *                         secrets is one of {@code iam}'s
 */
public record SecretStoreArgs(
        String project,
        List<String> names,
        List<String> deployerNames,
        List<String> replicaLocations,
        Map<String, SecretText> values,
        IamMembers iam,
        IamMembers deployerIam,
        Map<String, String> labels) {

    public SecretStoreArgs {
        Objects.requireNonNull(project, "project");
        names = List.copyOf(names == null ? List.of() : names);
        deployerNames = List.copyOf(deployerNames == null ? List.of() : deployerNames);
        replicaLocations = List.copyOf(replicaLocations == null ? List.of() : replicaLocations);
        values = Map.copyOf(values == null ? Map.of() : values);
        if (iam == null || iam.isEmpty()) {
            throw new IllegalArgumentException("iam must name at least one environment and who reads its secrets");
        }
        deployerIam = deployerIam == null ? IamMembers.none() : deployerIam;
        if (!deployerNames.isEmpty() && !deployerIam.keys().containsAll(iam.keys())) {
            throw new IllegalArgumentException("deployerIam must name who reads the deployer secrets " + deployerNames
                    + " in every environment of " + iam.keys() + "; it names " + deployerIam.keys());
        }
        for (String name : deployerNames) {
            if (names.contains(name)) {
                throw new IllegalArgumentException(
                        "secret '" + name + "' is in both names and deployerNames; " + "list it once");
            }
        }
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        List<String> declaredNames = new ArrayList<>(names);
        declaredNames.addAll(deployerNames);
        for (String id : values.keySet()) {
            boolean declared = iam.keys().stream().anyMatch(env -> declaredNames.contains(stripEnv(id, env)));
            if (!declared) {
                throw new IllegalArgumentException("secret value '" + id + "' names no declared secret; ids are "
                        + "<environment>-<name> for environments " + iam.keys() + " and names " + declaredNames);
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
        private List<String> deployerNames = List.of();
        private List<String> replicaLocations = List.of();
        private Map<String, SecretText> values = Map.of();
        private IamMembers iam = IamMembers.none();
        private IamMembers deployerIam = IamMembers.none();
        private Map<String, String> labels = Map.of();

        private Builder(String project) {
            this.project = project;
        }

        public Builder names(List<String> names) {
            this.names = names;
            return this;
        }

        /** Secrets only {@link #deployerIam} reads. */
        public Builder deployerNames(List<String> deployerNames) {
            this.deployerNames = deployerNames;
            return this;
        }

        /** Environment name to who may read that environment's {@link #deployerNames} secrets. */
        public Builder deployerIam(IamMembers deployerIam) {
            this.deployerIam = deployerIam;
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
            return new SecretStoreArgs(
                    project, names, deployerNames, replicaLocations, values, iam, deployerIam, labels);
        }
    }

    /** The secret id of {@code name} in {@code environment}. */
    public static String secretId(String environment, String name) {
        return environment + "-" + name;
    }
}
