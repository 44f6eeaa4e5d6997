package dev.llmsafe.components;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Inputs of {@link StackSecretsKeys}.
 *
 * @param location  the Cloud KMS location (a region such as europe-west4)
 * @param keyRing   the key ring's name; key rings can never be deleted in Cloud KMS, so choose it once
 * @param users     environment name to the member (its deployer) that encrypts and decrypts that environment's
 *                  stack secrets
 */
public record StackSecretsKeysArgs(String project, String location, String keyRing, Map<String, Output<String>> users,
                                   Map<String, String> labels) {
    /** Keys turn over every 90 days; old versions still decrypt what they encrypted. */
    public static final String ROTATION_PERIOD = "7776000s";
    static final Pattern KEY_RING = Pattern.compile("[a-zA-Z0-9_-]{1,63}");

    public StackSecretsKeysArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(location, "location");
        if (keyRing == null || !KEY_RING.matcher(keyRing).matches()) {
            throw new IllegalArgumentException("keyRing '" + keyRing + "' must be 1-63 letters, digits, '_' or '-'");
        }
        if (users == null || users.isEmpty()) {
            throw new IllegalArgumentException("at least one environment needs a stack secrets key");
        }
        users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
