package dev.llmsafe.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.llmsafe.policy.input.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON from files the user names, parsed strictly (a duplicate key or a second document is an error) and
 * refused in the user's terms: the line and column, a few characters of what is there, and what was expected.
 */
final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();
    private static final int EXCERPT = 60;

    private StrictJson() {}

    static JsonNode parse(String text, String label, String expected) throws InputException {
        requireContent(text, label, expected);
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(e, text, label, expected);
        }
    }

    static List<JsonNode> parseAll(String text, String label, String expected) throws InputException {
        requireContent(text, label, expected);
        List<JsonNode> values = new ArrayList<>();
        // Each document is checked on its own; what follows one is the next, not trailing garbage.
        var reader = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = MAPPER.createParser(text)) {
            while (parser.nextToken() != null) {
                values.add(reader.readTree(parser));
            }
        } catch (JsonProcessingException e) {
            throw invalid(e, text, label, expected);
        } catch (IOException e) {
            throw new InputException(label, "not valid JSON; expected " + expected);
        }
        return values;
    }

    private static void requireContent(String text, String label, String expected) throws InputException {
        if (text.isBlank()) {
            throw new InputException(label, "empty; expected " + expected);
        }
    }

    private static InputException invalid(JsonProcessingException e, String text, String label, String expected) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        if (e instanceof JsonEOFException) {
            return new InputException(
                    label,
                    "not valid JSON: it ends early" + where + " (is the file cut " + "short?); expected " + expected);
        }
        return new InputException(
                label, "not valid JSON" + where + near(text, line, column) + "; expected " + expected);
    }

    /** A few characters from where the parser stopped, control characters shown as escapes. */
    static String near(String text, int line, int column) {
        if (line < 1) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        if (line > lines.length) {
            return "";
        }
        String l = lines[line - 1];
        // A short line whole; a long one (minified JSON) around the column, mostly what led up to it.
        int at = Math.min(l.length(), Math.max(0, column - 1));
        int from = l.length() <= EXCERPT ? 0 : Math.max(0, at - EXCERPT * 2 / 3);
        String part = l.substring(from, Math.min(l.length(), from + EXCERPT)).strip();
        if (part.isEmpty()) {
            return "";
        }
        String shown = CliFiles.shown(part);
        return ", near '" + shown + "'";
    }
}
