package dev.llmsafe.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation, through the reference Java implementation. Values
 * RFC 8785 cannot carry exactly are refused with the path and the fix, never silently altered: integers
 * a double cannot hold exactly (canonical numbers are IEEE doubles) and strings with unpaired surrogates.
 */
public final class CanonicalJson {
    /** The largest integer every JSON implementation holds exactly (2^53). */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_992L;

    private CanonicalJson() {}

    /** The canonical UTF-8 text of {@code value}. */
    public static String canonicalize(JsonNode value) {
        check(value, "$");
        try {
            return new JsonCanonicalizer(AuditJson.MAPPER.writeValueAsString(value)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise value: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical form of JSON text, or an exception saying why it is not JSON. */
    public static String canonicalize(String json) throws IOException {
        return canonicalize(AuditJson.MAPPER.readTree(json));
    }

    public static byte[] canonicalUtf8(JsonNode value) {
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void check(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkText(e.getKey(), path + " (a key)");
                check(e.getValue(), path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isTextual()) {
            checkText(node.textValue(), path);
        } else if (node.isIntegralNumber()) {
            BigInteger v = node.bigIntegerValue();
            if (!exactAsCanonicalNumber(v)) {
                throw new IllegalArgumentException("the number " + v + " at " + path + " has no exact canonical "
                        + "JSON form (RFC 8785 numbers are IEEE doubles, exact up to 2^53); pass it as a string");
            }
        } else if (node.isNumber()) {
            BigDecimal v = node.decimalValue();
            double d = v.doubleValue();
            if (Double.isInfinite(d) || Double.isNaN(d)) {
                throw new IllegalArgumentException("the number " + v + " at " + path + " is out of the range of "
                        + "canonical JSON (RFC 8785) numbers; pass it as a string");
            }
        }
    }

    /** Whether the integer survives as itself: its double's canonical text is the integer's own digits. */
    private static boolean exactAsCanonicalNumber(BigInteger v) {
        double d = v.doubleValue();
        try {
            return !Double.isInfinite(d) && NumberToJSON.serializeNumber(d).equals(v.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkText(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the text at " + path + " holds an unpaired UTF-16 surrogate "
                        + "(\\u" + Integer.toHexString(c) + "), which is not Unicode text and has no canonical form");
            }
        }
    }
}
