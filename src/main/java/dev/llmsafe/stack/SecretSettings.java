package dev.llmsafe.stack;

import java.util.List;
import java.util.Map;

/**
 * Secret Manager secrets: each name exists once per environment as {@code <env>-<name>}. Values come only
 * from Pulumi secret config ({@code values}, keyed by secret id) or from versions added outside Pulumi.
 */
public record SecretSettings(List<String> names, List<String> replicaLocations, Map<String, SecretText> values) {
}
