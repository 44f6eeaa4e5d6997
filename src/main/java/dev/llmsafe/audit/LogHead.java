package dev.llmsafe.audit;

/** The last record of a log (seq 0 and the genesis hash for an empty log). */
public record LogHead(long seq, String hash) {
    public static final LogHead EMPTY = new LogHead(0, HashChain.GENESIS);

    /** The head read from one stored line, or an IOException saying why that line cannot be the head. */
    static LogHead of(byte[] line, int off, int len, String where) throws java.io.IOException {
        CanonicalScanner scanner = new CanonicalScanner();
        if (!scanner.scan(line, off, len) || !scanner.seqFound || scanner.hashValueStart < 0) {
            throw new java.io.IOException("the last record of " + where + " is not a valid record ("
                    + (scanner.problem() == null ? "no seq or hash" : scanner.problem()) + "); nothing is "
                    + "appended after it: run `llmsafe audit verify` and see docs/auditor-guide.md");
        }
        return new LogHead(
                scanner.seq, new String(line, scanner.hashValueStart, 64, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** {@code SEQ:HASH}, as append and checkpoint print a head. */
    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
