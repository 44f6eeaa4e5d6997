package dev.llmsafe.components;

import com.pulumi.core.Output;
import dev.llmsafe.stack.SecretText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link SecretStore}.
 *
 * @param names            secret names; each exists per environment as {@code <env>-<name>}
 * @param replicaLocations regions for user-managed replication; empty means automatic replication
 * @param values           secret id to its value (from Pulumi secret config only)
 * @param accessors        environment name to the members that may read that environment's secrets
 */
public record SecretStoreArgs(
        String project,
        List<String> names,
        List<String> replicaLocations,
        Map<String, SecretText> values,
        Map<String, List<Output<String>>> accessors,
        Map<String, String> labels) {

    public SecretStoreArgs {
        Objects.requireNonNull(project, "project");
        names = List.copyOf(names == null ? List.of() : names);
        replicaLocations = List.copyOf(replicaLocations == null ? List.of() : replicaLocations);
        values = Map.copyOf(values == null ? Map.of() : values);
        if (accessors == null || accessors.isEmpty()) {
            throw new IllegalArgumentException("accessors must name at least one environment");
        }
        accessors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accessors));
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        List<String> declaredNames = names;
        for (String id : values.keySet()) {
            boolean declared = accessors.keySet().stream().anyMatch(env -> declaredNames.contains(stripEnv(id, env)));
            if (!declared) {
                throw new IllegalArgumentException("secret value '" + id + "' names no declared secret; ids are "
                        + "<environment>-<name> for environments " + accessors.keySet() + " and names " + names);
            }
        }
    }

    private static String stripEnv(String id, String env) {
        return id.startsWith(env + "-") ? id.substring(env.length() + 1) : "";
    }

    /** The secret id of {@code name} in {@code environment}. */
    public static String secretId(String environment, String name) {
        return environment + "-" + name;
    }
}
