package dev.llmsafe.components;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Inputs of {@link StackSecretsKeys}.
 *
 * @param location  the Cloud KMS location (a region such as europe-west4)
 * @param keyRing   the key ring's name; key rings can never be deleted in Cloud KMS, so choose it once
 * @param iam       who encrypts and decrypts each environment's stack secrets ({@link StackSecretsKeys#USER_ROLE}),
 *                  keyed by the environment (its deployer): one key per environment, usable by them alone
 */
public record StackSecretsKeysArgs(
        String project, String location, String keyRing, IamMembers iam, Map<String, String> labels) {
    /** Keys turn over every 90 days; old versions still decrypt what they encrypted. */
    public static final String ROTATION_PERIOD = "7776000s";
    /** Key rings can never be deleted, so the default is chosen once for every project. */
    public static final String DEFAULT_KEY_RING = "pulumi-stacks";

    static final Pattern KEY_RING = Pattern.compile("[a-zA-Z0-9_-]{1,63}");

    public StackSecretsKeysArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(location, "location");
        if (keyRing == null || !KEY_RING.matcher(keyRing).matches()) {
            throw new IllegalArgumentException("keyRing '" + keyRing + "' must be 1-63 letters, digits, '_' or '-'");
        }
        if (iam == null || iam.isEmpty()) {
            throw new IllegalArgumentException("at least one environment needs a stack secrets key");
        }
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
