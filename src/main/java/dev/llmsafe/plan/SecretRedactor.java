package dev.llmsafe.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replaces secret values with {@value PlannedResource#SECRET} in plan inputs and outputs. The mock engine
 * hands resources their plain inputs, so secrets are recognised by value (every secret the stack's config
 * holds) and by property names that only ever carry secrets.
 */
public final class SecretRedactor {
    /** Input properties that hold secret material whatever their value. */
    public static final Set<String> SECRET_PROPERTIES =
            Set.of("secretData", "token", "password", "privateKey", "value_secret", "apiKey", "accessToken");

    private final Set<String> secretValues;

    public SecretRedactor(Collection<String> secretValues) {
        this.secretValues = Set.copyOf(secretValues);
    }

    public Map<String, Object> redact(Map<String, Object> values) {
        Map<String, Object> out = new TreeMap<>(); // sorted: plans of the same config are byte-identical
        values.forEach((k, v) ->
                out.put(k, SECRET_PROPERTIES.contains(k) && v != null ? PlannedResource.SECRET : redactValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    public Object redactValue(Object value) {
        if (value instanceof Map) {
            return redact((Map<String, Object>) value);
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                out.add(redactValue(item));
            }
            return out;
        }
        if (value instanceof String && containsSecret((String) value)) {
            return PlannedResource.SECRET;
        }
        return value;
    }

    private boolean containsSecret(String text) {
        for (String secret : secretValues) {
            if (!secret.isEmpty() && text.contains(secret)) {
                return true;
            }
        }
        return false;
    }
}
