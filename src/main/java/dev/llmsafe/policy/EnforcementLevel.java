package dev.llmsafe.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a rule's findings count: a mandatory finding fails the check, an advisory one only warns. */
public enum EnforcementLevel {
    MANDATORY,
    ADVISORY,
    DISABLED;

    /** The value written in policy.yaml, e.g. {@code advisory}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EnforcementLevel> parse(String value) {
        return Arrays.stream(values()).filter(l -> l.value().equals(value)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(EnforcementLevel::value).collect(Collectors.joining(", "));
    }
}
