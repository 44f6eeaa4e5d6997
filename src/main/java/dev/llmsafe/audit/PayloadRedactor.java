package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.plan.SecretRedactor;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps secrets out of records: properties that only ever hold secrets ({@link SecretRedactor#SECRET_PROPERTIES})
 * become {@code [secret]} whole, and each known secret value is replaced wherever it appears, in values and keys,
 * leaving the text around it ({@code DEPLOY_TOKEN=[secret]}) so the record still says what happened.
 */
public final class PayloadRedactor {
    private final List<String> secretValues;

    public PayloadRedactor(Collection<String> secretValues) {
        this.secretValues = secretValues.stream().filter(s -> !s.isEmpty()).toList();
    }

    public ObjectNode redact(ObjectNode payload) {
        return (ObjectNode) redact(payload, false);
    }

    private JsonNode redact(JsonNode node, boolean secretProperty) {
        if (secretProperty && !node.isNull()) {
            return AuditJson.MAPPER.getNodeFactory().textNode(PlannedResource.SECRET);
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>(); // sorted: the same payload always gives the same record
            node.fields().forEachRemaining(e -> {
                String key = mask(e.getKey());
                while (sorted.containsKey(key)) {
                    key = key + "'"; // two keys masked alike stay two keys
                }
                sorted.put(key, redact(e.getValue(), SecretRedactor.SECRET_PROPERTIES.contains(e.getKey())));
            });
            ObjectNode out = AuditJson.MAPPER.createObjectNode();
            out.setAll(sorted);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = AuditJson.MAPPER.createArrayNode();
            node.forEach(item -> out.add(redact(item, false)));
            return out;
        }
        return node.isTextual() ? AuditJson.MAPPER.getNodeFactory().textNode(mask(node.asText())) : node;
    }

    /** The text with every stretch covered by a secret value (overlapping ones merged) replaced by [secret]. */
    String mask(String text) {
        boolean[] covered = new boolean[text.length()];
        boolean any = false;
        for (String secret : secretValues) {
            for (int i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + 1)) {
                Arrays.fill(covered, i, i + secret.length(), true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !covered[i - 1]) {
                out.append(PlannedResource.SECRET);
            }
        }
        return out.toString();
    }
}
