package dev.llmsafe.components;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where the app runs: Railway (the default for previews) or Cloud Run (the fallback). */
public enum RuntimeTarget {
    RAILWAY("railway"),
    CLOUD_RUN("cloudrun");

    /** Pull-request labels that pick a target: {@code preview:railway}, {@code preview:cloudrun}. */
    public static final String LABEL_PREFIX = "preview:";

    private final String configValue;

    RuntimeTarget(String configValue) {
        this.configValue = configValue;
    }

    /** The value written in config and shown in outputs, e.g. {@code cloudrun}. */
    public String configValue() {
        return configValue;
    }

    /** The pull-request label that selects this target. */
    public String label() {
        return LABEL_PREFIX + configValue;
    }

    public static Optional<RuntimeTarget> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.configValue.equals(value)).findFirst();
    }

    public static Optional<RuntimeTarget> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(RuntimeTarget::configValue).collect(Collectors.joining(", "));
    }
}
