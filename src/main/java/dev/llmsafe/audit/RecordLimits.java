package dev.llmsafe.audit;

/**
 * The limits of a record, in one place: {@link RecordCodec#seal} refuses to write a record past them and
 * {@link ChainVerifier} refuses to accept one, so every record append writes verifies, and every log that
 * verifies can be appended to (the stores find the head within these limits).
 */
public final class RecordLimits {
    /** A stored line, without its newline: a line is read whole, and payloads are summaries, not artefacts. */
    public static final int MAX_RECORD_BYTES = 1 << 20;
    /** Nesting of objects and arrays, the record itself being level 1. */
    public static final int MAX_DEPTH = 64;
    /** The largest seq, 2^53: the largest integer a canonical JSON number holds exactly. */
    public static final long MAX_SEQ = CanonicalJson.MAX_SAFE_INTEGER;

    private RecordLimits() {}
}
