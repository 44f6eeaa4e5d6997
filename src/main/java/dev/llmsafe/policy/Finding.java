package dev.llmsafe.policy;

import java.util.Objects;

/**
 * One violation a rule found: what is wrong (naming the offending value), how to fix it, and where.
 */
public record Finding(String message, String fix, Location location) {
    public Finding {
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
        location = location == null ? Location.NONE : location;
    }

    public static Finding at(Location location, String message, String fix) {
        return new Finding(message, fix, location);
    }
}
