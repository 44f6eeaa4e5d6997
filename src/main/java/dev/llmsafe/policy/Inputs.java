package dev.llmsafe.policy;

import dev.llmsafe.plan.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Null-safe reading of plan inputs, whatever shape a provider or a hostile plan gives them. A bridged
 * Terraform block of at most one item may arrive as an object or as a one-item list; both read as the object.
 */
public final class Inputs {
    private Inputs() {}

    /** The value at a path of property names, or null when any step is missing or not an object. */
    public static Object at(Map<String, Object> inputs, String... path) {
        Object current = inputs;
        for (String key : path) {
            Map<String, Object> map = map(current);
            if (map.isEmpty()) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        if (value instanceof List && ((List<?>) value).size() == 1 && ((List<?>) value).get(0) instanceof Map) {
            return (Map<String, Object>) ((List<?>) value).get(0);
        }
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        if (value instanceof List) {
            return (List<Object>) value;
        }
        return value == null ? List.of() : List.of(value);
    }

    public static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }

    /** A boolean, also when written as the text {@code true} or {@code false}. */
    public static Optional<Boolean> bool(Object value) {
        if (value instanceof Boolean) {
            return Optional.of((Boolean) value);
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Optional.of(Boolean.parseBoolean((String) value));
        }
        return Optional.empty();
    }

    /** A number, also when written as numeric text (config values often are). */
    public static OptionalDouble number(Object value) {
        if (value instanceof Number) {
            return OptionalDouble.of(((Number) value).doubleValue());
        }
        if (value instanceof String) {
            try {
                return OptionalDouble.of(Double.parseDouble(((String) value).trim()));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    /** Whether the value is unknown until apply, or hidden as a secret: either way it cannot be judged. */
    public static boolean opaque(Object value) {
        return PlannedResource.UNKNOWN.equals(value) || PlannedResource.SECRET.equals(value);
    }

    /** How a value is shown in a finding; unknown and secret values are named as such. */
    public static String show(Object value) {
        if (value == null) {
            return "(not set)";
        }
        if (PlannedResource.UNKNOWN.equals(value)) {
            return "(unknown until apply)";
        }
        if (PlannedResource.SECRET.equals(value)) {
            return "(secret)";
        }
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
