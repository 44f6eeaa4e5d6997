package dev.llmsafe.audit;

import org.erdtman.jcs.NumberToJSON;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Checks in one pass over the bytes that a stored line is RFC 8785 canonical JSON, and finds the top-level
 * members the chain needs. It exists for speed: {@code llmsafe audit verify} must keep up with hashing
 * (re-serialising every record through a JSON library costs several times the SHA-256 of it). It accepts
 * exactly what {@link CanonicalJson} produces; CanonicalScannerTest holds it to the reference library.
 *
 * <p>Not reentrant: one instance per thread; each {@link #scan} overwrites the previous result.
 */
final class CanonicalScanner {
    private static final int MAX_DEPTH = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final byte[] SEQ = "seq".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREV = "prev".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HASH = "hash".getBytes(StandardCharsets.US_ASCII);

    private byte[] b;
    private int pos;
    private int end;

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
    private String problem;

    /** Whether {@code b[off, off+len)} is canonical JSON; on false, {@link #problem()} says where. */
    boolean scan(byte[] bytes, int off, int len) {
        this.b = bytes;
        this.pos = off;
        this.end = off + len;
        topLevelMembers = 0;
        unknownField = null;
        seqFound = false;
        prevStart = hashValueStart = hashMemberStart = hashMemberEnd = -1;
        problem = null;
        try {
            if (pos >= end || b[pos] != '{') {
                return fail("a record is a JSON object");
            }
            value(0);
            if (pos != end) {
                return fail("unexpected bytes after the record");
            }
            return true;
        } catch (NotCanonical e) {
            problem = e.getMessage() + " at byte " + (pos - off);
            return false;
        }
    }

    String problem() {
        return problem;
    }

    private boolean fail(String why) {
        problem = why;
        return false;
    }

    private static final class NotCanonical extends Exception {
        private static final long serialVersionUID = 1L;

        NotCanonical(String message) {
            super(message, null, false, false);
        }
    }

    private void value(int depth) throws NotCanonical {
        if (pos >= end) {
            throw new NotCanonical("the text ends inside a value");
        }
        byte c = b[pos];
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
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

    private void object(int depth) throws NotCanonical {
        if (depth > MAX_DEPTH) {
            throw new NotCanonical("nested deeper than " + MAX_DEPTH);
        }
        pos++; // {
        if (pos < end && b[pos] == '}') {
            pos++;
            return;
        }
        int prevKeyStart = -1;
        int prevKeyEnd = -1;
        boolean prevPlain = false;
        while (true) {
            int memberStart = pos - 1; // the '{' or ',' before the key
            if (pos >= end || b[pos] != '"') {
                throw new NotCanonical("expected a key");
            }
            int keyStart = pos + 1;
            boolean plain = string();
            int keyEnd = pos - 1;
            if (prevKeyStart >= 0 && compareKeys(prevKeyStart, prevKeyEnd, prevPlain, keyStart, keyEnd, plain) >= 0) {
                throw new NotCanonical("keys are not in canonical order or repeat");
            }
            prevKeyStart = keyStart;
            prevKeyEnd = keyEnd;
            prevPlain = plain;
            expect(':');
            int valueStart = pos;
            value(depth);
            if (depth == 1) {
                topLevel(keyStart, keyEnd, memberStart, valueStart);
            }
            if (pos >= end) {
                throw new NotCanonical("the text ends inside an object");
            }
            if (b[pos] == '}') {
                pos++;
                return;
            }
            expect(',');
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
        } else if (!knownField(keyStart, keyEnd) && unknownField == null) {
            unknownField = new String(b, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
        }
    }

    private static final byte[][] OTHER_FIELDS = {"actor".getBytes(StandardCharsets.US_ASCII),
            "kind".getBytes(StandardCharsets.US_ASCII), "payload".getBytes(StandardCharsets.US_ASCII),
            "subject".getBytes(StandardCharsets.US_ASCII), "time".getBytes(StandardCharsets.US_ASCII)};

    private boolean knownField(int start, int stop) {
        for (byte[] name : OTHER_FIELDS) {
            if (keyIs(start, stop, name)) {
                return true;
            }
        }
        return false;
    }

    private long parseSeq(int from, int to) throws NotCanonical {
        if (to - from > 16 || b[from] == '-') {
            throw new NotCanonical("seq must be a positive integer");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw new NotCanonical("seq must be a positive integer");
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private int hexValue(int valueStart) throws NotCanonical {
        if (pos - valueStart != 66 || b[valueStart] != '"') {
            throw new NotCanonical("prev and hash must be 64 lowercase hex digits");
        }
        for (int i = valueStart + 1; i < pos - 1; i += 8) {
            if (!lowerHex8((long) LONGS.get(b, i))) {
                throw new NotCanonical("prev and hash must be 64 lowercase hex digits");
            }
        }
        return valueStart + 1;
    }

    /**
     * Whether all eight bytes are '0'-'9' or 'a'-'f'. For ASCII bytes, adding 0x80 - lo sets a byte's high bit
     * exactly when it is at least lo, and adding 0x7f - hi exactly when it is above hi, with no carry between
     * bytes.
     */
    static boolean lowerHex8(long x) {
        if ((x & HIGH_BITS) != 0) {
            return false;
        }
        long digit = (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L);
        long letter = (x + 0x1f1f1f1f1f1f1f1fL) & ~(x + 0x1919191919191919L);
        return ((digit | letter) & HIGH_BITS) == HIGH_BITS;
    }

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

    /** RFC 8785 orders keys by UTF-16 code units; plain ASCII keys compare byte by byte. */
    private int compareKeys(int aStart, int aEnd, boolean aPlain, int bStart, int bEnd, boolean bPlain) {
        if (aPlain && bPlain) {
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

    private void array(int depth) throws NotCanonical {
        if (depth > MAX_DEPTH) {
            throw new NotCanonical("nested deeper than " + MAX_DEPTH);
        }
        pos++; // [
        if (pos < end && b[pos] == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth);
            if (pos >= end) {
                throw new NotCanonical("the text ends inside an array");
            }
            if (b[pos] == ']') {
                pos++;
                return;
            }
            expect(',');
        }
    }

    private void expect(char c) throws NotCanonical {
        if (pos >= end || b[pos] != c) {
            throw new NotCanonical("expected '" + c + "'");
        }
        pos++;
    }

    private void literal(String word) throws NotCanonical {
        int n = word.length();
        if (end - pos < n) {
            throw new NotCanonical("expected " + word);
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw new NotCanonical("expected " + word);
            }
        }
        pos += n;
    }

    /**
     * Canonical strings escape exactly '"', '\' and control characters, the latter as short forms or as a
     * six-character escape in lowercase hex. Returns whether the string was plain ASCII without escapes.
     */
    private boolean string() throws NotCanonical {
        boolean plain = true;
        pos++; // opening quote
        while (true) {
            while (pos + 8 <= end) { // eight bytes at a time while none needs a look
                long special = special((long) LONGS.get(b, pos));
                if (special != 0) {
                    pos += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                pos += 8;
            }
            if (pos >= end) {
                throw new NotCanonical("the text ends inside a string");
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return plain;
            }
            if (c == '\\') {
                escape();
                plain = false;
            } else if (c < 0x20) {
                throw new NotCanonical("raw control character in a string");
            } else if (c < 0x80) {
                pos++;
            } else {
                utf8(c);
                plain = false;
            }
        }
    }

    /**
     * A high bit in each byte of {@code x} that is '"', '\\', a control character or non-ASCII. Borrows can
     * mark bytes above a marked one too, so only the lowest mark is exact: the one the caller uses.
     */
    static long special(long x) {
        long quote = x ^ 0x2222222222222222L;
        long backslash = x ^ 0x5c5c5c5c5c5c5c5cL;
        return (x & HIGH_BITS)
                | ((x - 0x2020202020202020L) & ~x & HIGH_BITS)
                | ((quote - ONES) & ~quote & HIGH_BITS)
                | ((backslash - ONES) & ~backslash & HIGH_BITS);
    }

    private void escape() throws NotCanonical {
        if (pos + 1 >= end) {
            throw new NotCanonical("the text ends inside an escape");
        }
        byte e = b[pos + 1];
        switch (e) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't' -> pos += 2;
            case 'u' -> {
                if (end - pos < 6 || b[pos + 2] != '0' || b[pos + 3] != '0' || !lowerHex(b[pos + 4])
                        || !lowerHex(b[pos + 5])) {
                    throw new NotCanonical("\\u escapes are canonical only for control characters, as \\u00xx");
                }
                int v = Character.digit(b[pos + 4], 16) * 16 + Character.digit(b[pos + 5], 16);
                if (v >= 0x20 || v == '\b' || v == '\f' || v == '\n' || v == '\r' || v == '\t') {
                    throw new NotCanonical("\\u00" + (char) b[pos + 4] + (char) b[pos + 5] + " has a shorter form");
                }
                pos += 6;
            }
            default -> throw new NotCanonical("escape \\" + (char) (e & 0xff) + " is not canonical");
        }
    }

    private static boolean lowerHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** Well-formed UTF-8 only: shortest form, no surrogates, at most U+10FFFF. */
    private void utf8(int lead) throws NotCanonical {
        int n;
        int min;
        int cp;
        if (lead >= 0xc2 && lead <= 0xdf) {
            n = 1;
            min = 0x80;
            cp = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            n = 2;
            min = 0x800;
            cp = lead & 0x0f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            n = 3;
            min = 0x10000;
            cp = lead & 0x07;
        } else {
            throw new NotCanonical("invalid UTF-8");
        }
        if (end - pos <= n) {
            throw new NotCanonical("invalid UTF-8");
        }
        for (int i = 1; i <= n; i++) {
            int cont = b[pos + i] & 0xff;
            if ((cont & 0xc0) != 0x80) {
                throw new NotCanonical("invalid UTF-8");
            }
            cp = (cp << 6) | (cont & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            throw new NotCanonical("invalid UTF-8");
        }
        pos += n + 1;
    }

    /** Canonical numbers are ECMAScript's shortest round-trip form; plain integers are checked inline. */
    private void number() throws NotCanonical {
        int start = pos;
        boolean integral = true;
        while (pos < end) {
            byte c = b[pos];
            if (c >= '0' && c <= '9' || c == '-') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        int digitsStart = b[start] == '-' ? start + 1 : start;
        int digits = pos - digitsStart;
        if (integral && digits >= 1 && digits <= 15 && noDashAfter(digitsStart)
                && (b[digitsStart] != '0' || digits == 1) && !(digits == 1 && b[digitsStart] == '0' && start != digitsStart)) {
            return;
        }
        String text = new String(b, start, pos - start, StandardCharsets.US_ASCII);
        try {
            double d = Double.parseDouble(text);
            if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")
                    || !NumberToJSON.serializeNumber(d).equals(text)) {
                throw new NotCanonical("number " + text + " is not in canonical form");
            }
        } catch (NumberFormatException | IOException e) {
            throw new NotCanonical("number " + text + " is not a JSON number");
        }
    }

    private boolean noDashAfter(int from) {
        for (int i = from; i < pos; i++) {
            if (b[i] == '-') {
                return false;
            }
        }
        return true;
    }
}
