package dev.llmsafe.stack;

/**
 * One mistake in a stack's configuration: the key, the value found (already redacted when the key is
 * secret) and what to do about it.
 */
public record ConfigProblem(String key, String value, String fix) {

    /** One line: {@code llm-safe:repositoryId = "abc": must be ...}. */
    public String describe() {
        String shown = value == null ? "(not set)" : "\"" + printable(value) + "\"";
        return StackSettings.NAMESPACE + ":" + key + " = " + shown + ": " + fix;
    }

    /** Keeps control characters and very long values from garbling a terminal. */
    private static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(120).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (raw.codePointCount(0, raw.length()) > 120) {
            out.append("...");
        }
        return out.toString();
    }
}
