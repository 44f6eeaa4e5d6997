package dev.llmsafe.bench;

/** How every benchmark says whether its goal was reached. */
public final class Goals {
    private Goals() {}

    public static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }
}
