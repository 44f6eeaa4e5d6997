package dev.llmsafe.audit;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.NumberToJSON;

/**
 * The token rules of RFC 8785 canonical JSON, over raw UTF-8 bytes: strings with exactly the required
 * escapes, well-formed UTF-8, numbers in ECMAScript's shortest form, literals, and the values of a record's seq
 * and hashes. {@link CanonicalScanner} adds the structure. Plain runs of string bytes are skipped eight at a time.
 */
abstract class CanonicalLexer {
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long HIGH_BITS = 0x8080808080808080L;
    static final long ONES = 0x0101010101010101L;

    byte[] b;
    int pos;
    int end;

    static final class NotCanonical extends Exception {
        private static final long serialVersionUID = 1L;

        NotCanonical(String message) {
            super(message, null, false, false);
        }
    }

    final void expect(char c) throws NotCanonical {
        if (pos >= end || b[pos] != c) {
            throw new NotCanonical("expected '" + c + "'");
        }
        pos++;
    }

    final void literal(String word) throws NotCanonical {
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
     *
     * <p>The eight-byte reads are bounded by the array, not by {@link #end}: near the end of the text they look at
     * bytes past it, which only decide how far a read skips, and at most one read passes the end. A string must still close before the end, and a
     * region followed by eight bytes is scanned without the byte-by-byte path at its end.
     */
    final boolean string() throws NotCanonical {
        boolean plain = true;
        pos++; // opening quote
        while (true) {
            while (pos < end && pos + 8 <= b.length) { // eight bytes at a time while none needs a look
                long special = special((long) LONGS.get(b, pos));
                if (special != 0) {
                    pos += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                pos += 8;
            }
            if (pos >= end) {
                pos = end; // a read may have skipped past the end
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
     * A high bit at the lowest byte of {@code x} that is '"', '\\', a control character or non-ASCII, and possibly
     * at bytes above it. Each term's subtraction sets the high bit of the bytes it looks for and borrows only upwards
     * from them, so below the lowest such byte nothing is marked: only the lowest mark is exact, the one the caller
     * uses. A non-ASCII byte is marked by the first term from 0xa0 and by the second below it. No term is masked on
     * its own, which halves the work of the scanner's hottest loop.
     */
    static long special(long x) {
        return ((x - 0x2020202020202020L) // below 0x20, or from 0xa0
                        | ((x ^ 0x2222222222222222L) - ONES) // '"', or non-ASCII but 0xa2
                        | ((x ^ 0x5c5c5c5c5c5c5c5cL) - ONES)) // '\\', or non-ASCII but 0xdc
                & HIGH_BITS;
    }

    final void escape() throws NotCanonical {
        if (pos + 1 >= end) {
            throw new NotCanonical("the text ends inside an escape");
        }
        byte e = b[pos + 1];
        switch (e) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't' -> pos += 2;
            case 'u' -> {
                if (end - pos < 6
                        || b[pos + 2] != '0'
                        || b[pos + 3] != '0'
                        || !lowerHex(b[pos + 4])
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
    final void utf8(int lead) throws NotCanonical {
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
    final void number() throws NotCanonical {
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
        if (integral
                && digits >= 1
                && digits <= 15
                && noDashAfter(digitsStart)
                && (b[digitsStart] != '0' || digits == 1)
                && !(digits == 1 && b[digitsStart] == '0' && start != digitsStart)) {
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

    final boolean noDashAfter(int from) {
        for (int i = from; i < pos; i++) {
            if (b[i] == '-') {
                return false;
            }
        }
        return true;
    }

    /** The positive integer {@code b[from, to)}, at most 2^53 (a record's seq). */
    final long parseSeq(int from, int to) throws NotCanonical {
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
        if (v > RecordLimits.MAX_SEQ) {
            throw new NotCanonical("seq must be at most 2^53 (" + RecordLimits.MAX_SEQ + ")");
        }
        return v;
    }

    /** The first digit of the 64 lowercase hex digits quoted from {@code valueStart} to {@link #pos}. */
    final int hexValue(int valueStart) throws NotCanonical {
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
}
