package dev.llmsafe.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Secret Manager secrets: each name exists once per environment as {@code <env>-<name>}. Values come only
 * from Pulumi secret config ({@code values}, keyed by secret id) or from versions added outside Pulumi.
 *
 * @param names         {@code secretNames}: read by the environment's app runtime and its deployer
 * @param deployerNames {@code deployerSecretNames}: read by the environment's deployer only, at deploy time (the
 *                      Railway token, a registry password); an app, and so a pull request's code, never reads them
 */
public record SecretSettings(
        List<String> names, List<String> deployerNames, List<String> replicaLocations, Map<String, SecretText> values) {
    /** The Railway API token CI reads before a Railway deploy; a workspace token reaches every project in it. */
    public static final String RAILWAY_TOKEN = "railway-token";

    public SecretSettings {
        names = List.copyOf(names);
        deployerNames = List.copyOf(deployerNames);
        replicaLocations = List.copyOf(replicaLocations);
        values = Map.copyOf(values);
    }

    /** Every declared name, the runtime's first. */
    public List<String> allNames() {
        List<String> all = new ArrayList<>(names);
        all.addAll(deployerNames);
        return List.copyOf(all);
    }
}
