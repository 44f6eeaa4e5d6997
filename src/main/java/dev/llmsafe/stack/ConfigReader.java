package dev.llmsafe.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Typed reads from a {@link ConfigSource} that never throw: each bad value becomes a {@link ConfigProblem}
 * and a safe fallback is returned, so validation can report every mistake in one pass.
 */
public final class ConfigReader {
    /** Text after the value ({@code {}0"}) is an error, never silently dropped. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final ConfigSource source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private final Map<String, Object> defaults = new TreeMap<>();

    public ConfigReader(ConfigSource source) {
        this.source = source;
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    public void problem(String key, String value, String fix) {
        problems.add(new ConfigProblem(key, source.isSecret(key) ? "[secret]" : value, fix));
    }

    public Optional<String> raw(String key) {
        known.add(key);
        return source.get(key).filter(v -> !v.isBlank());
    }

    /** Marks keys as belonging to this project even where the current stack kind does not use them. */
    public void known(String... keys) {
        known.addAll(Arrays.asList(keys));
    }

    /** Reports keys in the project namespace that no reader asked for: usually typos. */
    public void reportUnknownKeys() {
        for (String key : new TreeSet<>(source.keys())) {
            if (!known.contains(key)) {
                problem(
                        key,
                        source.get(key).orElse(""),
                        "is not a known key of this project; "
                                + "see docs/configuration.md for the keys and their spelling");
            }
        }
    }

    /**
     * Records the value {@code key} takes when config leaves it unset, for a reader that reads the key itself
     * through {@link #raw}; the typed reads below record theirs. docs/configuration.md is tested against these.
     */
    public void declareDefault(String key, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            defaults.put(key, value);
        }
    }

    /** Key to the value it takes when unset, for every key read so far that has one. */
    public Map<String, Object> defaults() {
        return Map.copyOf(defaults);
    }

    public boolean isSecret(String key) {
        return source.isSecret(key);
    }

    /** A required string matching {@code pattern}; null (with a problem recorded) when absent or bad. */
    public String required(String key, Pattern pattern, String fix) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            problem(key, null, "required; " + fix);
            return null;
        }
        return matching(key, value.get(), pattern, fix);
    }

    /** An optional string matching {@code pattern}, or {@code fallback} when absent. */
    public String optional(String key, String fallback, Pattern pattern, String fix) {
        declareDefault(key, fallback);
        return raw(key).map(v -> matching(key, v, pattern, fix)).orElse(fallback);
    }

    private String matching(String key, String value, Pattern pattern, String fix) {
        if (!pattern.matcher(value).matches()) {
            problem(key, value, fix);
            return null;
        }
        return value;
    }

    /** A numeric GitHub id: digits only, greater than zero. */
    public long requiredId(String key, String what) {
        Optional<String> value = raw(key);
        String fix = "must be the numeric " + what + " (digits only, e.g. 123456789); " + "find it with `gh api "
                + ("repositoryId".equals(key) ? "repos/OWNER/REPO --jq .id" : "users/OWNER --jq .id") + "`";
        if (value.isEmpty()) {
            problem(key, null, "required; " + fix);
            return 0;
        }
        String v = value.get().trim();
        if (!DIGITS.matcher(v).matches() || Long.parseLong(v) == 0) {
            problem(key, value.get(), fix);
            return 0;
        }
        return Long.parseLong(v);
    }

    public int integer(String key, int fallback, int min, int max, String what) {
        declareDefault(key, fallback);
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String v = value.get().trim();
        if (v.matches("-?[0-9]{1,9}")) {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        }
        problem(key, value.get(), "must be a whole number from " + min + " to " + max + " (" + what + ")");
        return fallback;
    }

    public boolean bool(String key, boolean fallback) {
        declareDefault(key, fallback);
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().trim()) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problem(key, value.get(), "must be true or false");
                return fallback;
        }
    }

    /**
     * A list of strings: a JSON/YAML list, or comma-separated text (what {@code --set key=a,b} gives).
     * Items failing {@code itemOk} are reported one by one.
     */
    public List<String> list(String key, List<String> fallback, Predicate<String> itemOk, String fix) {
        declareDefault(key, fallback);
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        List<String> items = new ArrayList<>();
        String v = value.get().trim();
        if (v.startsWith("[")) {
            JsonNode node = parse(key, v);
            if (node == null) {
                return fallback;
            }
            if (!node.isArray()) {
                problem(key, v, "must be a list of strings, e.g. [\"a\", \"b\"]");
                return fallback;
            }
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    problem(key, item.toString(), "list items must be plain strings");
                    continue;
                }
                items.add(item.asText());
            }
        } else {
            for (String part : v.split(",", -1)) {
                items.add(part.trim());
            }
        }
        List<String> good = new ArrayList<>();
        for (String item : items) {
            if (itemOk.test(item)) {
                good.add(item);
            } else {
                problem(key, item, fix);
            }
        }
        return List.copyOf(good);
    }

    /** A map from string to JSON node, from a YAML/JSON object. */
    public Map<String, JsonNode> object(String key) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return Map.of();
        }
        JsonNode node = parse(key, value.get().trim());
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            problem(key, value.get(), "must be a map of names to values (YAML mapping or JSON object)");
            return Map.of();
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private JsonNode parse(String key, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problem(key, text, "is not valid JSON/YAML structure: " + e.getOriginalMessage());
            return null;
        }
    }
}
