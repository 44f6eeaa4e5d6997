package dev.llmsafe.audit;

import dev.llmsafe.identity.ActorClassifier;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * What can be learnt from one log line alone: whether it is canonical, where its members are, and the SHA-256 of
 * the line without its hash member. Working this out is most of verification's cost and needs no other line, so
 * it can run on several lines at once; {@link ChainVerifier} then judges the facts in order.
 */
final class LineFacts {
    static final int EXPECTED_FIELDS = 8;

    boolean scanned;
    int topLevelMembers;
    String unknownField;
    boolean seqFound;
    long seq;
    int prevStart = -1;
    int hashValueStart = -1;
    String problem;
    /** Why a complete record means nothing a store could write ({@link RecordMeaning}), or null. */
    String meaning;
    /** Whether {@link #digest} holds the record's hash (only for a structurally complete record). */
    boolean hashed;
    /** Whether the hashed record's stored hash is its digest. */
    boolean hashMatches;
    /**
     * Whether {@link #linked} says if prev is the digest of the line before, checked with this line ({@link
     * LineBatch} does it for every line of a batch but the first): the judge, which accepts a line only after the
     * one before, then need not read prev again, and the comparisons run on the workers.
     */
    boolean linkChecked;

    boolean linked;

    final byte[] digest = new byte[32];

    /** What examining a line works with; none of it is thread-safe, so each thread has its own. */
    record Tools(CanonicalScanner scanner, MessageDigest sha256, RecordMeaning meanings) {
        static Tools fresh(ActorClassifier classifier) {
            return new Tools(new CanonicalScanner(), HashChain.sha256(), new RecordMeaning(classifier));
        }
    }

    /** Examines {@code buf[off, off + len)} with this thread's {@code tools}. */
    LineFacts examine(Tools tools, byte[] buf, int off, int len) {
        return collect(tools, buf, off, len, tools.scanner().scan(buf, off, len));
    }

    /**
     * Examines the line that starts at {@code off} when it is a canonical record ended by a newline before
     * {@code limit}, the common case, without looking for the newline first. Returns the line's length without its
     * newline, or -1 (nothing examined) when it is not such a line: then find its end and {@link #examine} it.
     */
    int examineLine(Tools tools, byte[] buf, int off, int limit) {
        CanonicalScanner scanner = tools.scanner();
        if (!scanner.scanLine(buf, off, limit)) {
            return -1;
        }
        int len = scanner.lineEnd - off;
        collect(tools, buf, off, len, true);
        return len;
    }

    private LineFacts collect(Tools tools, byte[] buf, int off, int len, boolean scanned) {
        CanonicalScanner scanner = tools.scanner();
        MessageDigest sha256 = tools.sha256();
        this.scanned = scanned;
        topLevelMembers = scanner.topLevelMembers;
        unknownField = scanner.unknownField;
        seqFound = scanner.seqFound;
        seq = scanner.seq;
        prevStart = scanner.prevStart;
        hashValueStart = scanner.hashValueStart;
        problem = scanned ? null : scanner.problem();
        hashed = scanned && complete();
        hashMatches = false;
        linkChecked = false;
        meaning = hashed ? tools.meanings().problem(buf, scanner) : null;
        if (hashed) {
            sha256.update(buf, off, scanner.hashMemberStart - off);
            sha256.update(buf, scanner.hashMemberEnd, off + len - scanner.hashMemberEnd);
            try {
                sha256.digest(digest, 0, 32);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 digests are 32 bytes", e);
            }
            hashMatches = hexEquals(buf, scanner.hashValueStart, digest);
        }
        return this;
    }

    /** Checks this line's prev against the line before it, when both are hashed records. */
    void checkLink(byte[] buf, LineFacts before) {
        linkChecked = true;
        linked = hashed && before.hashed && hexEquals(buf, prevStart, before.digest);
    }

    /**
     * Whether {@code buf} holds, from {@code at}, the 64 lowercase hex digits of the 32 {@code bytes}. Eight digits
     * are made and compared at a time: byte by byte through a table, the two comparisons of every record cost a
     * verify about 170 ms of its 1.1 s of work.
     */
    static boolean hexEquals(byte[] buf, int at, byte[] bytes) {
        long diff = 0;
        for (int i = 0; i < 32; i += 8) {
            long eight = (long) CanonicalLexer.LONGS.get(bytes, i);
            diff |= hexDigits(eight & 0xffffffffL) ^ (long) CanonicalLexer.LONGS.get(buf, at + 2 * i);
            diff |= hexDigits(eight >>> 32) ^ (long) CanonicalLexer.LONGS.get(buf, at + 2 * i + 8);
        }
        return diff == 0;
    }

    private static final long LOW_NIBBLES = 0x000f000f000f000fL;

    /**
     * The eight hex digits of the four bytes in {@code four}'s low half (the first byte lowest), in the order they are
     * written, as eight bytes read little-endian: each byte is spread to a 16-bit lane, split into its two nibbles,
     * and each nibble gets '0' added, and 'a' - '0' - 10 more from ten up (n + 6 reaches 16 exactly then).
     */
    static long hexDigits(long four) {
        long x = (four | (four << 16)) & 0x0000ffff0000ffffL;
        x = (x | (x << 8)) & 0x00ff00ff00ff00ffL;
        long nibbles = ((x >>> 4) & LOW_NIBBLES) | ((x & LOW_NIBBLES) << 8);
        long letters = ((nibbles + 0x0606060606060606L) >>> 4) & CanonicalLexer.ONES;
        return nibbles + 0x3030303030303030L + letters * ('a' - '0' - 10);
    }

    /** Exactly the eight record fields, with a seq, a prev and a hash. */
    boolean complete() {
        return topLevelMembers == EXPECTED_FIELDS
                && unknownField == null
                && seqFound
                && prevStart >= 0
                && hashValueStart >= 0;
    }
}
