package dev.llmsafe.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A head remembered outside the log ({@code SEQ:HASH}): the log must still hold that record, unchanged. */
public record Checkpoint(long seq, String hash) {
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,15}):([0-9a-f]{64})");

    public Checkpoint {
        if (seq < 1 || !HashChain.HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("a checkpoint is SEQ:HASH with seq from 1 and a 64-digit "
                    + "lowercase hex hash, got " + seq + ":" + hash);
        }
    }

    /** Parses {@code SEQ:HASH}, as {@code llmsafe audit checkpoint} prints it. */
    public static Checkpoint parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a checkpoint; expected SEQ:HASH as printed by "
                    + "`llmsafe audit checkpoint`, e.g. 42:" + "ab".repeat(32));
        }
        return new Checkpoint(Long.parseLong(m.group(1)), m.group(2));
    }

    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
