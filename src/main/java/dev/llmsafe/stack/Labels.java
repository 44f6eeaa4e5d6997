package dev.llmsafe.stack;

import java.util.Locale;
import java.util.regex.Pattern;

/** GCP label rules: keys start with a lowercase letter; keys and values use [a-z0-9_-], at most 63. */
public final class Labels {
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    public static final Pattern VALUE = Pattern.compile("[a-z0-9_-]{0,63}");

    private Labels() {}

    /** Turns any text into a valid label value (lowercase, other characters become '-', cut to 63). */
    public static String value(String text) {
        String v = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return v.length() > 63 ? v.substring(0, 63) : v;
    }
}
