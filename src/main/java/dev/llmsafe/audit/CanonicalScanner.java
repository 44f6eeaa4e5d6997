package dev.llmsafe.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Checks in one pass over the bytes that a stored line is RFC 8785 canonical JSON, and finds the top-level
 * members the chain needs. It exists for speed: {@code llmsafe audit verify} must keep up with hashing
 * (re-serialising every record through a JSON library costs several times the SHA-256 of it). It accepts
 * exactly what {@link CanonicalJson} produces; CanonicalScannerTest holds it to the reference library.
 *
 * <p>Not reentrant: one instance per thread; each {@link #scan} overwrites the previous result.
 */
final class CanonicalScanner extends CanonicalLexer {
    private static final byte[] SEQ = "seq".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREV = "prev".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HASH = "hash".getBytes(StandardCharsets.US_ASCII);

    /** Top-level results of the last successful scan. */
    int topLevelMembers;
    /** A top-level key that is not one of the record's eight fields, or null. */
    String unknownField;

    long seq;
    boolean seqFound;
    int prevStart = -1; // first hex digit of prev's value
    int hashValueStart = -1; // first hex digit of hash's value
    int hashMemberStart = -1; // the comma before "hash"
    int hashMemberEnd = -1; // just after hash's closing quote
    /** Where the values of the other five fields start and end (just past them), for {@link RecordMeaning}. */
    int timeStart = -1;

    int timeEnd = -1;
    int kindStart = -1;
    int kindEnd = -1;
    int actorStart = -1;
    int actorEnd = -1;
    int subjectStart = -1;
    int payloadStart = -1;
    private String problem;

    /** Where the record found by the last successful {@link #scanLine} ends: at its newline. */
    int lineEnd;

    /**
     * Whether a canonical record starts at {@code off} and a newline follows it before {@code limit}; then
     * {@link #lineEnd} is that newline, and every result is what {@link #scan} of the line alone gives. A canonical
     * record holds no raw newline (no whitespace between tokens, control characters escaped), so the scan never
     * passes the line's end; on false, {@link #scan} of the line alone tells why.
     */
    boolean scanLine(byte[] bytes, int off, int limit) {
        reset(bytes, off, limit);
        try {
            if (pos >= end || b[pos] != '{') {
                return false;
            }
            document();
        } catch (NotCanonical e) {
            return false;
        }
        lineEnd = pos;
        return pos < end && b[pos] == '\n';
    }

    /** Whether {@code b[off, off+len)} is canonical JSON; on false, {@link #problem()} says where. */
    boolean scan(byte[] bytes, int off, int len) {
        reset(bytes, off, off + len);
        try {
            if (pos >= end || b[pos] != '{') {
                return fail("a record is a JSON object");
            }
            document();
            if (pos != end) {
                return fail("unexpected bytes after the record");
            }
            return true;
        } catch (NotCanonical e) {
            problem = e.getMessage() + " at byte " + (pos - off);
            return false;
        }
    }

    private void reset(byte[] bytes, int off, int limit) {
        this.b = bytes;
        this.pos = off;
        this.end = limit;
        topLevelMembers = 0;
        unknownField = null;
        seqFound = false;
        prevStart = hashValueStart = hashMemberStart = hashMemberEnd = -1;
        timeStart = timeEnd = kindStart = kindEnd = actorStart = actorEnd = subjectStart = payloadStart = -1;
        problem = null;
    }

    String problem() {
        return problem;
    }

    private boolean fail(String why) {
        problem = why;
        return false;
    }

    /**
     * The record's structure, with an explicit stack rather than recursion: C2 inlined a recursive descent into
     * itself and spent seconds compiling the result, most of a whole {@code audit verify} process's time. One loop
     * compiles quickly and runs as fast.
     */
    private void document() throws NotCanonical {
        int depth = 0; // containers open around the value at pos; the record itself is depth 1
        while (true) {
            if (pos >= end) {
                throw new NotCanonical("the text ends inside a value");
            }
            byte c = b[pos];
            if (c == '{' || c == '[') {
                if (depth + 1 > RecordLimits.MAX_DEPTH) {
                    throw new NotCanonical("nested deeper than " + RecordLimits.MAX_DEPTH);
                }
                depth++;
                pos++; // { or [
                boolean object = c == '{';
                objects[depth] = object;
                if (pos >= end || b[pos] != (object ? '}' : ']')) {
                    if (object) {
                        prevKeyStarts[depth] = -1;
                        member(depth);
                    }
                    continue; // the container's first value
                }
                pos++;
                depth--;
            } else {
                scalar(c);
            }
            // A value ended: end the containers it closes, then go on to the next member or element.
            while (true) {
                if (depth == 0) {
                    return;
                }
                boolean object = objects[depth];
                if (depth == 1) {
                    topLevel(memberKeyStart, memberKeyEnd, memberStart, memberValueStart);
                }
                if (pos >= end) {
                    throw new NotCanonical(object ? "the text ends inside an object" : "the text ends inside an array");
                }
                if (b[pos] == (object ? '}' : ']')) {
                    pos++;
                    depth--;
                    continue;
                }
                expect(',');
                if (object) {
                    member(depth);
                }
                break;
            }
        }
    }

    /** Whether each open container is an object, and each open object's last key, by depth. */
    private final boolean[] objects = new boolean[RecordLimits.MAX_DEPTH + 1];

    private final int[] prevKeyStarts = new int[RecordLimits.MAX_DEPTH + 1];
    private final int[] prevKeyEnds = new int[RecordLimits.MAX_DEPTH + 1];
    private final boolean[] prevKeysPlain = new boolean[RecordLimits.MAX_DEPTH + 1];
    /** The record's member being read: where it starts (the '{' or ',' before its key), its key and its value. */
    private int memberStart;

    private int memberKeyStart;
    private int memberKeyEnd;
    private int memberValueStart;

    /** A key, in canonical order after the object's previous one, and its colon. */
    private void member(int depth) throws NotCanonical {
        int start = pos - 1; // the '{' or ',' before the key
        if (pos >= end || b[pos] != '"') {
            throw new NotCanonical("expected a key");
        }
        int keyStart = pos + 1;
        boolean plain = string();
        int keyEnd = pos - 1;
        if (prevKeyStarts[depth] >= 0 && compareToPreviousKey(depth, keyStart, keyEnd, plain) >= 0) {
            throw new NotCanonical("keys are not in canonical order or repeat");
        }
        prevKeyStarts[depth] = keyStart;
        prevKeyEnds[depth] = keyEnd;
        prevKeysPlain[depth] = plain;
        expect(':');
        if (depth == 1) {
            memberStart = start;
            memberKeyStart = keyStart;
            memberKeyEnd = keyEnd;
            memberValueStart = pos;
        }
    }

    private void scalar(byte c) throws NotCanonical {
        switch (c) {
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw new NotCanonical("unexpected character '" + (char) (c & 0xff) + "'");
                }
            }
        }
    }

    private void topLevel(int keyStart, int keyEnd, int memberStart, int valueStart) throws NotCanonical {
        topLevelMembers++;
        if (keyIs(keyStart, keyEnd, SEQ)) {
            seq = parseSeq(valueStart, pos);
            seqFound = true;
        } else if (keyIs(keyStart, keyEnd, PREV)) {
            prevStart = hexValue(valueStart);
        } else if (keyIs(keyStart, keyEnd, HASH)) {
            hashValueStart = hexValue(valueStart);
            hashMemberStart = memberStart;
            hashMemberEnd = pos;
        } else if (keyIs(keyStart, keyEnd, ACTOR)) {
            actorStart = valueStart;
            actorEnd = pos;
        } else if (keyIs(keyStart, keyEnd, KIND)) {
            kindStart = valueStart;
            kindEnd = pos;
        } else if (keyIs(keyStart, keyEnd, PAYLOAD)) {
            payloadStart = valueStart;
        } else if (keyIs(keyStart, keyEnd, SUBJECT)) {
            subjectStart = valueStart;
        } else if (keyIs(keyStart, keyEnd, TIME)) {
            timeStart = valueStart;
            timeEnd = pos;
        } else if (unknownField == null) {
            unknownField = new String(b, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
        }
    }

    private static final byte[] ACTOR = "actor".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KIND = "kind".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD = "payload".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBJECT = "subject".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME = "time".getBytes(StandardCharsets.US_ASCII);

    private boolean keyIs(int start, int stop, byte[] name) {
        if (stop - start != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (b[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The previous key of the object at {@code depth} against the key {@code b[bStart, bEnd)}. RFC 8785 orders keys
     * by UTF-16 code units; plain ASCII keys compare byte by byte.
     */
    private int compareToPreviousKey(int depth, int bStart, int bEnd, boolean bPlain) {
        int aStart = prevKeyStarts[depth];
        int aEnd = prevKeyEnds[depth];
        if (prevKeysPlain[depth] && bPlain) {
            int n = Math.min(aEnd - aStart, bEnd - bStart);
            for (int i = 0; i < n; i++) {
                int d = (b[aStart + i] & 0xff) - (b[bStart + i] & 0xff);
                if (d != 0) {
                    return d;
                }
            }
            return (aEnd - aStart) - (bEnd - bStart);
        }
        return decode(aStart, aEnd).compareTo(decode(bStart, bEnd));
    }

    private String decode(int start, int stop) {
        try {
            return AuditJson.MAPPER.readValue(b, start - 1, stop - start + 2, String.class);
        } catch (IOException e) {
            throw new IllegalStateException("a scanned key decodes", e);
        }
    }
}
