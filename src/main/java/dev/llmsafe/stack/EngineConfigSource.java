package dev.llmsafe.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration as the Pulumi engine hands it to a language host: {@code PULUMI_CONFIG} (a JSON object of
 * {@code namespace:key} to text, secrets already decrypted) and {@code PULUMI_CONFIG_SECRET_KEYS} (which of
 * them were secret). The same variables the SDK's own {@code Config} reads.
 */
public final class EngineConfigSource implements ConfigSource {
    private static final String PREFIX = StackSettings.NAMESPACE + ":";
    private final Map<String, String> config;
    private final Set<String> secretKeys;

    public EngineConfigSource(Map<String, String> environment) {
        ObjectMapper json = new ObjectMapper();
        try {
            this.config = json.readValue(
                    environment.getOrDefault("PULUMI_CONFIG", "{}"), new TypeReference<Map<String, String>>() {});
            this.secretKeys = new HashSet<>(json.readValue(
                    environment.getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]"), new TypeReference<List<String>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the Pulumi engine passed unreadable config: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(config.get(PREFIX + key));
    }

    @Override
    public boolean isSecret(String key) {
        return secretKeys.contains(PREFIX + key);
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new HashSet<>();
        config.keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(k -> keys.add(k.substring(PREFIX.length())));
        return keys;
    }
}
