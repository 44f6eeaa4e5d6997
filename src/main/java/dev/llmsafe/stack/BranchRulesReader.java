package dev.llmsafe.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.components.RuntimeTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code runtimeBranchRules}: a YAML list of {@code {pattern, target}} maps, or, for {@code --set},
 * comma-separated {@code pattern=target} pairs ({@code release/*=cloudrun,spike/**=railway}). Order is kept: the
 * first matching rule wins.
 */
final class BranchRulesReader {
    static final String KEY = "runtimeBranchRules";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIX =
            "each rule is {pattern: release/*, target: cloudrun} (targets: " + RuntimeTarget.allowedValues() + ")";

    private BranchRulesReader() {}

    static List<BranchRule> read(ConfigReader in) {
        Optional<String> raw = in.raw(KEY);
        if (raw.isEmpty()) {
            return List.of();
        }
        String text = raw.get().trim();
        List<BranchRule> rules = new ArrayList<>();
        if (text.startsWith("[")) {
            JsonNode list;
            try {
                list = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                in.problem(KEY, text, "is not a valid list: " + e.getOriginalMessage());
                return List.of();
            }
            for (JsonNode item : list) {
                rule(in, item).ifPresent(rules::add);
            }
        } else {
            for (String pair : text.split(",")) {
                int eq = pair.lastIndexOf('=');
                if (eq < 0) {
                    in.problem(KEY, pair.trim(), "pairs look like release/*=cloudrun; " + FIX);
                    continue;
                }
                rule(in, pair.substring(0, eq).trim(), pair.substring(eq + 1).trim(), pair.trim())
                        .ifPresent(rules::add);
            }
        }
        return List.copyOf(rules);
    }

    private static Optional<BranchRule> rule(ConfigReader in, JsonNode item) {
        if (!item.isObject()
                || !item.path("pattern").isTextual()
                || !item.path("target").isTextual()
                || item.size() != 2) {
            in.problem(KEY, item.toString(), FIX);
            return Optional.empty();
        }
        return rule(in, item.get("pattern").asText(), item.get("target").asText(), item.toString());
    }

    private static Optional<BranchRule> rule(ConfigReader in, String pattern, String target, String shown) {
        Optional<RuntimeTarget> parsed = RuntimeTarget.parse(target);
        if (parsed.isEmpty()) {
            in.problem(KEY, shown, "target '" + target + "' is not one of " + RuntimeTarget.allowedValues());
            return Optional.empty();
        }
        try {
            return Optional.of(new BranchRule(pattern, parsed.get()));
        } catch (IllegalArgumentException e) {
            in.problem(KEY, shown, e.getMessage());
            return Optional.empty();
        }
    }
}
