package dev.llmsafe.policy;

import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.rules.SuppressionExpiryRule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The list sections of policy.yaml: allowlist entries and suppressions, each field checked. */
final class PolicyListsReader {
    /** Where problems go: line, key, what is wrong and how to fix it. */
    interface Problems {
        void add(int line, String key, String what);
    }

    private final Set<String> ruleIds;
    private final Problems problems;

    PolicyListsReader(Set<String> ruleIds, Problems problems) {
        this.ruleIds = ruleIds;
        this.problems = problems;
    }

    List<AllowlistEntry> allowlist(YamlNode.Mapping root) {
        List<AllowlistEntry> out = new ArrayList<>();
        for (YamlNode.Mapping entry : entries(root, "allowlist", Set.of("rule", "path", "reason"))) {
            String rule = ruleOf(entry, "allowlist");
            String path = required(entry, "allowlist", "path", "the file (or glob) the exception covers");
            String reason = required(entry, "allowlist", "reason", "why this exception is safe");
            if (rule != null && path != null && reason != null) {
                out.add(new AllowlistEntry(rule, path, reason, entry.line()));
            }
        }
        return out;
    }

    List<Suppression> suppressions(YamlNode.Mapping root) {
        List<Suppression> out = new ArrayList<>();
        for (YamlNode.Mapping entry : entries(root, "suppressions", Set.of("rule", "target", "reason", "expires"))) {
            String rule = ruleOf(entry, "suppressions");
            String target = required(entry, "suppressions", "target", "the resource URN or path (glob) suppressed");
            String reason = required(entry, "suppressions", "reason", "why the finding is accepted for now");
            String expires = required(entry, "suppressions", "expires", "the last day it applies, as YYYY-MM-DD");
            LocalDate date = null;
            if (expires != null) {
                try {
                    date = LocalDate.parse(expires);
                } catch (DateTimeParseException e) {
                    problem(entry.keyLine("expires"), "suppressions.expires", "is '" + expires + "'; use YYYY-MM-DD");
                }
            }
            if (rule != null && target != null && reason != null && date != null) {
                out.add(new Suppression(rule, target, reason, date, entry.line()));
            }
        }
        return out;
    }

    private List<YamlNode.Mapping> entries(YamlNode.Mapping root, String key, Set<String> fields) {
        YamlNode node = root.get(key);
        if (node == null) {
            return List.of();
        }
        Optional<YamlNode.Sequence> seq = YamlNode.asSequence(node);
        if (seq.isEmpty()) {
            problem(node.line(), key, "must be a list of {" + String.join(", ", new TreeSet<>(fields)) + "}");
            return List.of();
        }
        List<YamlNode.Mapping> out = new ArrayList<>();
        for (YamlNode item : seq.get().items()) {
            Optional<YamlNode.Mapping> m = YamlNode.asMapping(item);
            if (m.isEmpty()) {
                problem(item.line(), key, "entries must be mappings of " + String.join(", ", new TreeSet<>(fields)));
                continue;
            }
            m.get().entries().keySet().stream()
                    .filter(k -> !fields.contains(k))
                    .forEach(k -> problem(
                            m.get().keyLine(k),
                            key + "." + k,
                            "unknown key; use " + String.join(", ", new TreeSet<>(fields))));
            out.add(m.get());
        }
        return out;
    }

    private String ruleOf(YamlNode.Mapping entry, String list) {
        String rule = required(entry, list, "rule", "the id of the rule");
        if (SuppressionExpiryRule.ID.equals(rule)) {
            problem(
                    entry.keyLine("rule"),
                    list + ".rule",
                    SuppressionExpiryRule.ID + " cannot be excepted; renew or remove the "
                            + "expired suppression instead");
            return null;
        }
        if (rule != null && !ruleIds.containsAll(RuleRegistry.resolve(rule))) {
            problem(
                    entry.keyLine("rule"),
                    list + ".rule",
                    "'" + rule + "' is no rule; rules: " + String.join(", ", new TreeSet<>(ruleIds)));
            return null;
        }
        return rule;
    }

    private String required(YamlNode.Mapping entry, String list, String key, String what) {
        String text = entry.text(key);
        if (text == null || text.isBlank()) {
            problem(entry.keyLine(key), list + "." + key, "required: " + what);
            return null;
        }
        return text.trim();
    }

    private void problem(int line, String key, String what) {
        problems.add(line, key, what);
    }
}
