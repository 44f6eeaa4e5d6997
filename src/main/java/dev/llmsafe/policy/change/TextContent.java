package dev.llmsafe.policy.change;

import java.nio.charset.StandardCharsets;

/** Which file contents are judged as text: UTF-8 (leniently decoded), no NUL byte early on, at most 1 MiB. */
public final class TextContent {
    public static final int MAX_BYTES = 1024 * 1024;
    private static final int SNIFF = 8000;

    private TextContent() {
    }

    /** The text, or null for binary or oversized content. */
    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length > MAX_BYTES) {
            return null;
        }
        for (int i = 0; i < Math.min(bytes.length, SNIFF); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
