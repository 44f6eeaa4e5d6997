package dev.llmsafe.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts JSON trees into the plain values plan inputs hold: maps, lists, strings, numbers, booleans, null. */
final class JsonValues {
    /** Pulumi's marker of a secret value in engine events: {@code {"4dabf18193072939515e22adb298388d": ...}}. */
    static final String SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
    /** Pulumi's marker of bookkeeping in state inputs: which properties took provider defaults. */
    static final String DEFAULTS_KEY = "__defaults";

    private JsonValues() {}

    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            if (node.has(SECRET_SIGNATURE)) {
                return PlannedResource.SECRET;
            }
            return map(node);
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                out.add(value(item));
            }
            return out;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    static Map<String, Object> map(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getKey().equals(DEFAULTS_KEY)) {
                out.put(e.getKey(), value(e.getValue()));
            }
        }
        return out;
    }
}
