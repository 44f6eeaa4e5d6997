package dev.llmsafe.stack;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a stack builds; the `kind` config key selects it. */
public enum StackKind {
    PLATFORM,
    REVIEW,
    STAGING,
    PRODUCTION;

    /** The value written in config, e.g. {@code review}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StackKind> parse(String value) {
        return Arrays.stream(values())
                .filter(k -> k.configValue().equals(value))
                .findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(StackKind::configValue).collect(Collectors.joining(", "));
    }
}
