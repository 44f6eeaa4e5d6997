package dev.llmsafe.stack;

/** A secret config value. Its {@code toString} never shows the value, so it cannot leak through logs. */
public final class SecretText {
    public static final String REDACTED = "[secret]";
    private final String value;

    public SecretText(String value) {
        this.value = value;
    }

    /** The plain value, for handing to {@code Output.ofSecret} only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
