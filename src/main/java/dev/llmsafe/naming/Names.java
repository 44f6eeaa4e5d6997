package dev.llmsafe.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Valid, deterministic cloud names from free text. Where a name must be cut to fit, a short hash of the
 * full text is appended so two long inputs that share a prefix never get the same name.
 */
public final class Names {
    private static final int HASH_CHARS = 6;

    private Names() {}

    /**
     * A GCP service-account id: 6-30 characters, lowercase letters, digits and hyphens, starting with a letter
     * and not ending with a hyphen.
     */
    public static String serviceAccountId(String... parts) {
        String name = dnsLabel(String.join("-", parts), 30);
        while (name.length() < 6) {
            name = name + "-sa";
        }
        return name;
    }

    /**
     * A DNS-label-like name: lowercase letters, digits and hyphens, starting with a letter, no trailing or
     * doubled hyphens, at most {@code max} characters.
     */
    public static String dnsLabel(String text, int max) {
        String cleaned =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "x-" + cleaned;
        }
        if (cleaned.equals(text) && cleaned.length() <= max) {
            return cleaned;
        }
        // Lossy (case, separators) or too long: a hash of the original keeps distinct inputs distinct.
        String head = cleaned.substring(0, Math.min(cleaned.length(), max - 1 - HASH_CHARS))
                .replaceAll("-+$", "");
        return head + "-" + hash(text);
    }

    /** The first {@value #HASH_CHARS} hex characters of the SHA-256 of {@code text}. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
