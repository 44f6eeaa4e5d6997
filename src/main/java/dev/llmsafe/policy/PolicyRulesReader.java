package dev.llmsafe.policy;

import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.stack.StackKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The rules section of policy.yaml: each rule id (or an old id standing for rules) to a level, or to levels by kind. */
final class PolicyRulesReader {
    private final Set<String> ruleIds;
    private final PolicyListsReader.Problems problems;

    PolicyRulesReader(Set<String> ruleIds, PolicyListsReader.Problems problems) {
        this.ruleIds = ruleIds;
        this.problems = problems;
    }

    Map<String, RuleLevels> rules(YamlNode.Mapping root) {
        Map<String, RuleLevels> out = new LinkedHashMap<>();
        YamlNode node = root.get("rules");
        if (node == null) {
            return out;
        }
        // An old id sets the level of every rule it stands for, unless the file names that rule itself.
        Map<String, RuleLevels> fromAliases = new LinkedHashMap<>();
        Optional<YamlNode.Mapping> map = YamlNode.asMapping(node);
        if (map.isEmpty()) {
            problem(node.line(), "rules", "must map rule ids to a level or to {level, kinds}");
            return out;
        }
        map.get().entries().forEach((id, value) -> {
            int line = map.get().keyLine(id);
            List<String> named = RuleRegistry.resolve(id);
            Map<String, RuleLevels> into = named.equals(List.of(id)) ? out : fromAliases;
            if (!ruleIds.containsAll(named)) {
                problem(line, "rules." + id, "no such rule; rules: " + String.join(", ", new TreeSet<>(ruleIds)));
                return;
            }
            if (value instanceof YamlNode.Scalar) {
                level(line, "rules." + id, YamlNode.text(value))
                        .ifPresent(l -> named.forEach(n -> into.put(n, new RuleLevels(Optional.of(l), Map.of()))));
                return;
            }
            YamlNode.Mapping spec = YamlNode.asMapping(value).orElse(null);
            if (spec == null) {
                problem(
                        line,
                        "rules." + id,
                        "must be a level (" + EnforcementLevel.allowedValues() + ") or {level, kinds}");
                return;
            }
            spec.entries().keySet().stream()
                    .filter(k -> !k.equals("level") && !k.equals("kinds"))
                    .forEach(
                            k -> problem(spec.keyLine(k), "rules." + id + "." + k, "unknown key; use level and kinds"));
            Optional<EnforcementLevel> level = spec.get("level") == null
                    ? Optional.empty()
                    : level(spec.keyLine("level"), "rules." + id + ".level", spec.text("level"));
            Map<StackKind, EnforcementLevel> byKind = new EnumMap<>(StackKind.class);
            spec.mapping("kinds")
                    .ifPresent(kinds -> kinds.entries().forEach((k, v) -> {
                        Optional<StackKind> kind = StackKind.parse(k);
                        if (kind.isEmpty()) {
                            problem(
                                    kinds.keyLine(k),
                                    "rules." + id + ".kinds." + k,
                                    "no such stack kind; kinds: " + StackKind.allowedValues());
                        } else {
                            level(kinds.keyLine(k), "rules." + id + ".kinds." + k, YamlNode.text(v))
                                    .ifPresent(l -> byKind.put(kind.get(), l));
                        }
                    }));
            if (spec.get("kinds") != null && spec.mapping("kinds").isEmpty()) {
                problem(spec.keyLine("kinds"), "rules." + id + ".kinds", "must map stack kinds to levels");
            }
            named.forEach(n -> into.put(n, new RuleLevels(level, byKind)));
        });
        fromAliases.forEach(out::putIfAbsent);
        return out;
    }

    private Optional<EnforcementLevel> level(int line, String key, String value) {
        Optional<EnforcementLevel> level = EnforcementLevel.parse(value);
        if (level.isEmpty()) {
            problem(line, key, "is '" + value + "'; use one of " + EnforcementLevel.allowedValues());
        }
        return level;
    }

    private void problem(int line, String key, String what) {
        problems.add(line, key, what);
    }
}
