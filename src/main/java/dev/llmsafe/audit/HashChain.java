package dev.llmsafe.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 hex helpers and the chain's fixed starting point. */
public final class HashChain {
    /** The {@code prev} of record 1: 64 zeros, so the first record links to a value everyone knows. */
    public static final String GENESIS = "0".repeat(64);

    public static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private HashChain() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
