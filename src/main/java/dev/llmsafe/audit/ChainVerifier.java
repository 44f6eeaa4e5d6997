package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a log line by line, in one pass and in constant memory per record: each line is canonical JSON
 * with the eight record fields, within {@link RecordLimits}, seqs run 1, 2, 3... with no gap, repeat or
 * reordering, each hash is the SHA-256 of the line without its hash member, each prev is the previous hash,
 * each record means what a store writes ({@link RecordMeaning}), and the log still holds every given
 * checkpoint. Stops at the first break and names it.
 */
public final class ChainVerifier implements LineSink {
    private final LineFacts facts = new LineFacts();
    private final LineFacts.Tools tools;
    private final byte[] lastHash = new byte[32]; // GENESIS: all zeros
    private final List<Checkpoint> checkpoints;
    private final Map<Long, String> hashesAtCheckpoints = new HashMap<>();
    /** First 8 bytes of each verified hash by seq: tells a repeated record from an inserted one. */
    private long[] prefixes = new long[1024];

    private long expected = 1;
    private long bytes;
    private long pendingGapSeen = -1; // a seq beyond the expected one, judged on the next line
    private VerifyResult.Break failure;

    public ChainVerifier(List<Checkpoint> checkpoints) {
        this(checkpoints, RecordMeaning.DEFAULT_CLASSIFIER);
    }

    /** Verifies actors against {@code classifier}: the one configured with the project's AI identities. */
    public ChainVerifier(List<Checkpoint> checkpoints, dev.llmsafe.identity.ActorClassifier classifier) {
        this.checkpoints = List.copyOf(checkpoints);
        this.tools = LineFacts.Tools.fresh(classifier);
    }

    @Override
    public boolean accept(byte[] buf, int off, int len, boolean terminated) {
        if (failure != null) {
            return false;
        }
        return judge(facts.examine(tools, buf, off, len), buf, off, len, terminated);
    }

    /**
     * Judges one line, in log order, from what {@link LineFacts#examine} found in it (possibly on another thread).
     * Returns false once the chain is broken.
     */
    boolean judge(LineFacts line, byte[] buf, int off, int len, boolean terminated) {
        if (failure != null) {
            return false;
        }
        bytes += len + (terminated ? 1 : 0);
        if (pendingGapSeen >= 0) {
            resolvePendingGap(line.scanned && line.seqFound ? line.seq : -1);
            return false;
        }
        // Size first: no append writes a line over the limit, so such a line without a newline is no interrupted
        // append, and the reading stops at a line of LineRuns.MAX_LINE bytes whether the file goes on or not.
        if (len > RecordLimits.MAX_RECORD_BYTES) {
            return fail(
                    expected,
                    BreakReason.MALFORMED,
                    "the record is " + (terminated ? "" : "at least ") + len + " bytes; records are at most "
                            + RecordLimits.MAX_RECORD_BYTES + " bytes, and no store writes a larger one");
        }
        if (!terminated) {
            return fail(
                    expected,
                    BreakReason.TORN_LINE,
                    "the log ends in " + len + " bytes without a newline: "
                            + "an append was interrupted; the bytes are left as they are for inspection");
        }
        if (!line.scanned) {
            return notCanonical(line.problem, buf, off, len);
        }
        if (!line.complete()) {
            return fail(
                    expected,
                    BreakReason.MALFORMED,
                    "a record has exactly the fields actor, hash, kind, "
                            + "payload, prev, seq, subject, time"
                            + (line.unknownField == null ? "" : "; found " + line.unknownField));
        }
        long seq = line.seq;
        if (seq > expected) {
            pendingGapSeen = seq;
            return true;
        }
        if (seq < expected) {
            return repeated(seq, buf, line.hashValueStart);
        }
        if (!line.hashMatches) {
            return fail(
                    seq,
                    BreakReason.HASH_MISMATCH,
                    "stored hash " + text(buf, line.hashValueStart) + ", but the record hashes to "
                            + HexFormat.of().formatHex(line.digest) + ": its content changed");
        }
        if (!(line.linkChecked ? line.linked : LineFacts.hexEquals(buf, line.prevStart, lastHash))) {
            return fail(
                    seq,
                    BreakReason.BROKEN_LINK,
                    "prev is " + text(buf, line.prevStart) + ", but "
                            + (seq == 1
                                    ? "the first record links to the genesis value " + HashChain.GENESIS
                                    : "seq " + (seq - 1) + " has hash "
                                            + HexFormat.of().formatHex(lastHash)));
        }
        if (line.meaning != null) {
            return fail(seq, BreakReason.INVALID_VALUE, line.meaning);
        }
        System.arraycopy(line.digest, 0, lastHash, 0, 32);
        remember(seq);
        expected++;
        return true;
    }

    private void remember(long seq) {
        if (seq >= prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, (int) Math.min(Integer.MAX_VALUE - 8, prefixes.length * 2L));
        }
        if (seq < prefixes.length) {
            prefixes[(int) seq] = prefix(lastHash);
        }
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint c = checkpoints.get(i);
            if (c.seq() == seq) {
                hashesAtCheckpoints.put(seq, HexFormat.of().formatHex(lastHash));
            }
        }
    }

    private boolean repeated(long seq, byte[] buf, int hashValueStart) {
        long storedPrefix = Long.parseUnsignedLong(text(buf, hashValueStart).substring(0, 16), 16);
        if (seq >= 1 && seq < prefixes.length && prefixes[(int) seq] == storedPrefix) {
            return fail(
                    seq,
                    BreakReason.DUPLICATE,
                    "seq " + seq + " appears again after seq " + (expected - 1) + ": a copy of the record");
        }
        if (seq == expected - 1) {
            return fail(
                    seq,
                    BreakReason.DUPLICATE,
                    "seq " + seq + " appears twice with different content: " + "a record was inserted or replaced");
        }
        return fail(seq, BreakReason.OUT_OF_ORDER, "seq " + seq + " comes after seq " + (expected - 1));
    }

    private void resolvePendingGap(long nextSeq) {
        if (nextSeq == expected) {
            fail(expected, BreakReason.OUT_OF_ORDER, "seq " + pendingGapSeen + " comes before seq " + expected);
        } else {
            fail(
                    expected,
                    BreakReason.GAP,
                    "seq " + expected + " is missing: seq " + pendingGapSeen + " follows "
                            + (expected == 1 ? "the start of the log" : "seq " + (expected - 1)));
        }
    }

    private boolean notCanonical(String why, byte[] buf, int off, int len) {
        JsonNode parsed;
        try {
            parsed = AuditJson.MAPPER.readTree(buf, off, len);
        } catch (IOException e) {
            String text = new String(buf, off, Math.min(len, 160), StandardCharsets.UTF_8);
            return fail(
                    expected,
                    BreakReason.MALFORMED,
                    "not a JSON record: " + why + "; the line reads "
                            + new com.fasterxml.jackson.databind.node.TextNode(text) + (len > 160 ? "..." : ""));
        }
        String intact = "";
        try {
            if (parsed.isObject() && parsed.has("hash")) {
                var body = ((com.fasterxml.jackson.databind.node.ObjectNode) parsed.deepCopy()).without("hash");
                if (HashChain.sha256Hex(CanonicalJson.canonicalUtf8(body))
                        .equals(parsed.get("hash").asText())) {
                    intact = "; its canonical form still matches its hash, so it was re-serialised, not edited";
                }
            }
        } catch (IllegalArgumentException e) {
            intact = "";
        }
        return fail(expected, BreakReason.NON_CANONICAL, why + intact);
    }

    /** The result once every line was given (or reading stopped at a break). */
    public VerifyResult finish() {
        if (failure == null && pendingGapSeen >= 0) {
            fail(expected, BreakReason.GAP, "seq " + expected + " is missing: the log ends with seq " + pendingGapSeen);
        }
        long last = expected - 1;
        if (failure == null) {
            for (Checkpoint c : checkpoints) {
                if (c.seq() > last) {
                    fail(
                            last + 1,
                            BreakReason.TRUNCATED,
                            "the log ends at seq " + last + ", but checkpoint " + c + " shows it once reached seq "
                                    + c.seq() + ": records were removed from the tail");
                    break;
                }
                String actual = hashesAtCheckpoints.get(c.seq());
                if (!c.hash().equals(actual)) {
                    fail(
                            c.seq(),
                            BreakReason.CHECKPOINT_MISMATCH,
                            "checkpoint " + c + " does not match the log, " + "whose seq " + c.seq() + " has hash "
                                    + actual);
                    break;
                }
            }
        }
        return new VerifyResult(last, last, HexFormat.of().formatHex(lastHash), bytes, Optional.ofNullable(failure));
    }

    private boolean fail(long seq, BreakReason reason, String detail) {
        failure = new VerifyResult.Break(seq, reason, detail);
        return false;
    }

    private static long prefix(byte[] hash) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (hash[i] & 0xff);
        }
        return v;
    }

    private static String text(byte[] buf, int at) {
        return new String(buf, at, 64, StandardCharsets.US_ASCII);
    }
}
