package dev.llmsafe.workflows;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How GitHub Actions expressions treat values (docs.github.com, "Evaluate expressions"): truthiness, loose equality
 * and ordering (numbers after coercion, strings ignoring case, objects and arrays only as themselves), and text.
 */
final class ExpressionValues {
    private ExpressionValues() {}

    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0 && !Double.isNaN(v.doubleValue());
        }
        return !v.isTextual() || !v.textValue().isEmpty();
    }

    static boolean containsElement(JsonNode array, JsonNode item) {
        for (JsonNode e : array) {
            if (equal(e, item)) {
                return true;
            }
        }
        return false;
    }

    /** Loose equality: same types compare directly (strings ignoring case); other pairs as numbers. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equalsIgnoreCase(b.textValue());
        }
        if (a.isContainerNode() || b.isContainerNode()) {
            return a == b;
        }
        if (a.isNull() && b.isNull()) {
            return true;
        }
        double x = number(a);
        double y = number(b);
        return x == y; // NaN is never equal
    }

    static int compare(JsonNode a, JsonNode b) {
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().compareToIgnoreCase(b.textValue());
        }
        double x = number(a);
        double y = number(b);
        return Double.isNaN(x) || Double.isNaN(y) ? Integer.MIN_VALUE : Double.compare(x, y);
    }

    private static double number(JsonNode v) {
        if (v.isNull()) {
            return 0;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1 : 0;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue().isBlank() ? 0 : number(v.textValue().strip());
        }
        return Double.NaN;
    }

    static double number(String s) {
        try {
            return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A value as GitHub prints it into text. */
    static String text(JsonNode v) {
        if (v.isNull()) {
            return "";
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }
}
