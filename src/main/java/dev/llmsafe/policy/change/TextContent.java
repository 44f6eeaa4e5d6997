package dev.llmsafe.policy.change;

import java.nio.charset.StandardCharsets;

/**
 * Which file contents are judged as text: UTF-8 (leniently decoded), no NUL byte anywhere, at most 1 MiB.
 * Anything else cannot be scanned, and says why: a shell runs a script with a NUL byte after its first line,
 * so such a file is not "binary, nothing to see".
 */
public final class TextContent {
    public static final int MAX_BYTES = 1024 * 1024;

    private TextContent() {}

    /** The text of a file, or (text null) why it cannot be read as text. */
    public record Read(String text, String unreadable) {}

    /** Reads {@code bytes}, the start of a file of {@code size} bytes (all of it when within the limit). */
    public static Read read(byte[] bytes, long size) {
        if (size > MAX_BYTES || bytes == null) {
            return new Read(null, "it is larger than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new Read(null, "it has a NUL byte at offset " + i);
            }
        }
        return new Read(new String(bytes, StandardCharsets.UTF_8), null);
    }
}
