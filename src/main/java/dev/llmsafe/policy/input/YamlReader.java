package dev.llmsafe.policy.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML into {@link YamlNode}s with line numbers. Hostile input ends in an {@link InputException}
 * naming the line: duplicate keys (which different YAML readers resolve differently), more than one
 * document, or nesting deeper than any real workflow or policy file.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final int MAX_DEPTH = 64;

    private YamlReader() {
    }

    public static YamlNode parse(String text, String source) throws InputException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Scalar(null, 1);
            }
            YamlNode root = read(parser, source, 0);
            JsonToken next = parser.nextToken();
            if (next != null) {
                throw new InputException(source, "line " + line(parser) + ": more than one YAML document; "
                        + "keep one document per file");
            }
            return root;
        } catch (InputException e) {
            throw e;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(source, (line > 0 ? "line " + line + ": " : "") + "not valid YAML: "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            throw new InputException(source, "not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static YamlNode read(JsonParser parser, String source, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InputException(source, "line " + line(parser) + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken token = parser.currentToken();
        int line = line(parser);
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser);
                if (entries.containsKey(key)) {
                    throw new InputException(source, "line " + keyLine + ": duplicate key '" + key + "' (first at line "
                            + keyLines.get(key) + "); YAML readers disagree on which one wins, so remove one");
                }
                parser.nextToken();
                keyLines.put(key, keyLine);
                entries.put(key, read(parser, source, depth + 1));
            }
            return new YamlNode.Mapping(entries, keyLines, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new InputException(source, "line " + line + ": unterminated list");
                }
                items.add(read(parser, source, depth + 1));
            }
            return new YamlNode.Sequence(items, line);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new YamlNode.Scalar(null, line);
        }
        if (token == null || !token.isScalarValue()) {
            throw new InputException(source, "line " + line + ": unexpected " + token);
        }
        return new YamlNode.Scalar(parser.getText(), line);
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
