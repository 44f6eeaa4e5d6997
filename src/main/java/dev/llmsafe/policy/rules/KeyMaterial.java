package dev.llmsafe.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds private-key material in a text, whatever wraps it: a Google service-account key file read as JSON
 * ({@code "type": "service_account"}, or any {@code private_key} member), a PEM private key anywhere, and
 * either of those inside a JSON string or base64 (standard, URL-safe or MIME, layered up to {@value #MAX_LAYERS}
 * deep). JSON is parsed, not matched, so escapes such as {@code service\u005faccount} hide nothing.
 */
final class KeyMaterial {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern PEM_PRIVATE_KEY =
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----", Pattern.CASE_INSENSITIVE);
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final int MAX_LAYERS = 4;
    /** Texts beyond this are not read: far more than GitHub stores in one secret or variable (48 KB). */
    private static final int MAX_CHARS = 1 << 20;

    private KeyMaterial() {}

    /** What key material the text holds ("a service-account key file", "a PEM private key", ...), if any. */
    static Optional<String> find(String text) {
        return find(text, 0);
    }

    private static Optional<String> find(String text, int layer) {
        if (text == null || text.isEmpty() || layer > MAX_LAYERS || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        Optional<String> json = inJson(text.strip(), layer);
        if (json.isPresent()) {
            return json;
        }
        if (PEM_PRIVATE_KEY.matcher(text).find()) {
            return Optional.of(wrapped("a PEM private key", layer));
        }
        String compact = WHITESPACE.matcher(text).replaceAll("");
        if (BASE64.matcher(compact).matches()) {
            for (String decoded : decodings(compact)) {
                Optional<String> found = find(decoded, layer + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inJson(String text, int layer) {
        if (text.isEmpty() || "{[\"".indexOf(text.charAt(0)) < 0) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // not JSON: the PEM and base64 readings still apply
        }
        return inNode(node, layer, 0);
    }

    private static Optional<String> inNode(JsonNode node, int layer, int depth) {
        if (node == null || depth > 64) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return find(node.textValue(), layer + 1);
        }
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null
                    && type.isTextual()
                    && type.textValue().trim().toLowerCase(Locale.ROOT).equals("service_account")) {
                return Optional.of(wrapped("a service-account key file", layer));
            }
            if (node.has("private_key")) {
                return Optional.of(wrapped("a key file with a private_key", layer));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Optional<String> found = inNode(it.next().getValue(), layer, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<String> found = inNode(item, layer, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The UTF-8 texts the base64 text decodes to, under each alphabet that accepts it. */
    private static List<String> decodings(String compact) {
        List<String> out = new ArrayList<>(2);
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                String text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(decoder.decode(compact)))
                        .toString();
                if (!out.contains(text)) {
                    out.add(text);
                }
            } catch (IllegalArgumentException | CharacterCodingException e) {
                // not this alphabet, or not text: nothing to read under it
            }
        }
        return out;
    }

    private static String wrapped(String what, int layer) {
        return layer == 0 ? what : what + " (wrapped " + layer + (layer == 1 ? " layer" : " layers") + " deep)";
    }
}
