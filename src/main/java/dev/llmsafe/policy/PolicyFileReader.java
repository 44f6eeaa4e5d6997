package dev.llmsafe.policy;

import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.input.YamlReader;
import dev.llmsafe.stack.EnvironmentNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Validates policy.yaml; collects every problem (line, key, bad value, fix) before failing. */
final class PolicyFileReader {
    private static final Set<String> KEYS = Set.of(
            "version",
            "rules",
            "environments",
            "mainBranch",
            "protectedPaths",
            "aiIdentities",
            "aiTrailerPatterns",
            "aiAgents",
            "githubAccounts",
            "auditRetentionDays",
            "allowPublicReviewInvoker",
            "publicInvokerStacks",
            "allowlist",
            "suppressions");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern ENV_NAME = Pattern.compile("[a-z][a-z0-9-]{0,18}[a-z0-9]|[a-z]");

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final PolicyListsReader lists;
    private final PolicyRulesReader rules;

    PolicyFileReader(String source, Set<String> ruleIds) {
        this.source = source;
        this.lists = new PolicyListsReader(ruleIds, this::problem);
        this.rules = new PolicyRulesReader(ruleIds, this::problem);
    }

    PolicyFile read(String text) throws InputException {
        YamlNode root = YamlReader.parse(text, source);
        if (root instanceof YamlNode.Scalar && ((YamlNode.Scalar) root).text() == null) {
            return PolicyFile.builder().source(source).build();
        }
        YamlNode.Mapping map = YamlNode.asMapping(root).orElse(null);
        if (map == null) {
            throw new InputException(source, "line " + root.line() + ": must be a YAML mapping of policy keys");
        }
        map.entries().keySet().stream()
                .filter(k -> !KEYS.contains(k))
                .forEach(k -> problem(
                        map.keyLine(k), k, "unknown key; known keys: " + String.join(", ", new TreeSet<>(KEYS))));
        String version = map.text("version");
        if (map.get("version") != null && !"1".equals(version)) {
            problem(map.keyLine("version"), "version", "is '" + version + "'; only version 1 exists");
        }
        PolicyFile d = PolicyFile.defaults();
        PolicyFile policy = PolicyFile.builder()
                .rules(rules.rules(map))
                .environments(environments(map, d.environments()))
                .mainBranch(branch(map, d.mainBranch()))
                .protectedPaths(protectedPaths(map, d.protectedPaths()))
                .aiIdentities(new LinkedHashSet<>(strings(map, "aiIdentities", List.of())))
                .trailerPatterns(trailerPatterns(map, d.trailerPatterns()))
                .aiAgents(strings(map, "aiAgents", List.of()))
                .githubAccounts(accounts(map))
                .auditRetentionDays(positive(map, "auditRetentionDays", d.auditRetentionDays()))
                .allowPublicReviewInvoker(bool(map, "allowPublicReviewInvoker", false))
                .publicInvokerStacks(stackNames(map, "publicInvokerStacks"))
                .allowlist(lists.allowlist(map))
                .suppressions(lists.suppressions(map))
                .source(source)
                .build();
        if (!problems.isEmpty()) {
            throw new InputException(source, "invalid policy file:\n  " + String.join("\n  ", problems));
        }
        return policy;
    }

    private EnvironmentNames environments(YamlNode.Mapping root, EnvironmentNames d) {
        if (root.get("environments") == null) {
            return d;
        }
        YamlNode.Mapping env = root.mapping("environments").orElse(null);
        if (env == null) {
            problem(root.keyLine("environments"), "environments", "must map review, staging and production to names");
            return d;
        }
        env.entries().keySet().stream()
                .filter(k -> !Set.of("review", "staging", "production").contains(k))
                .forEach(k ->
                        problem(env.keyLine(k), "environments." + k, "unknown key; use review, staging, production"));
        String review = envName(env, "review", d.review());
        String staging = envName(env, "staging", d.staging());
        String production = envName(env, "production", d.production());
        if (Set.of(review, staging, production).size() < 3) {
            problem(env.line(), "environments", "review, staging and production need three different names");
        }
        return new EnvironmentNames(review, staging, production);
    }

    private String envName(YamlNode.Mapping env, String key, String fallback) {
        if (env.get(key) == null) {
            return fallback;
        }
        String value = env.text(key);
        if (value == null || !ENV_NAME.matcher(value).matches()) {
            problem(
                    env.keyLine(key),
                    "environments." + key,
                    "is '" + value + "'; use 1-20 lowercase letters, digits and hyphens");
            return fallback;
        }
        return value;
    }

    private String branch(YamlNode.Mapping root, String fallback) {
        if (root.get("mainBranch") == null) {
            return fallback;
        }
        String value = root.text("mainBranch");
        if (value == null || !dev.llmsafe.stack.GitRefs.isValidBranch(value)) {
            problem(root.keyLine("mainBranch"), "mainBranch", "is '" + value + "'; use a branch name such as main");
            return fallback;
        }
        return value;
    }

    private List<String> strings(YamlNode.Mapping root, String key, List<String> fallback) {
        YamlNode node = root.get(key);
        if (node == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        Optional<YamlNode.Sequence> seq = YamlNode.asSequence(node);
        if (seq.isEmpty()) {
            problem(node.line(), key, "must be a list of strings");
            return fallback;
        }
        for (YamlNode item : seq.get().items()) {
            String text = YamlNode.text(item);
            if (text == null || text.isBlank()) {
                problem(item.line(), key, "entries must be non-empty strings");
            } else {
                out.add(text.trim());
            }
        }
        return out;
    }

    private List<String> stackNames(YamlNode.Mapping root, String key) {
        List<String> names = strings(root, key, List.of());
        for (String name : names) {
            if (!STACK_NAME.matcher(name).matches()) {
                problem(
                        root.keyLine(key),
                        key,
                        "'" + name + "' is not a Pulumi stack name (letters, digits, '_', '.', '-')");
            }
        }
        return names;
    }

    /** The defaults and the file's additions: a policy file can protect more paths, never fewer. */
    private List<String> protectedPaths(YamlNode.Mapping root, List<String> defaults) {
        Set<String> paths = new LinkedHashSet<>(defaults);
        paths.addAll(strings(root, "protectedPaths", List.of()));
        return List.copyOf(paths);
    }

    private List<String> trailerPatterns(YamlNode.Mapping root, List<String> fallback) {
        List<String> patterns = strings(root, "aiTrailerPatterns", fallback);
        for (String p : patterns) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                problem(
                        root.keyLine("aiTrailerPatterns"),
                        "aiTrailerPatterns",
                        "'" + p + "' is not a regular expression: " + e.getDescription());
            }
        }
        return patterns;
    }

    private Map<Long, String> accounts(YamlNode.Mapping root) {
        Map<Long, String> out = new LinkedHashMap<>();
        YamlNode node = root.get("githubAccounts");
        if (node == null) {
            return out;
        }
        YamlNode.Mapping map = YamlNode.asMapping(node).orElse(null);
        if (map == null) {
            problem(node.line(), "githubAccounts", "must map numeric GitHub user ids to logins");
            return out;
        }
        map.entries().forEach((id, login) -> {
            String text = YamlNode.text(login);
            if (!id.matches("[1-9][0-9]{0,17}")) {
                problem(
                        map.keyLine(id),
                        "githubAccounts." + id,
                        "keys are numeric user ids (`gh api users/LOGIN --jq .id`)");
            } else if (text == null || text.isBlank()) {
                problem(map.keyLine(id), "githubAccounts." + id, "needs the account's login");
            } else {
                out.put(Long.parseLong(id), text.trim());
            }
        });
        return out;
    }

    private long positive(YamlNode.Mapping root, String key, long fallback) {
        if (root.get(key) == null) {
            return fallback;
        }
        String text = root.text(key);
        if (text == null || !text.matches("[1-9][0-9]{0,5}")) {
            problem(root.keyLine(key), key, "is '" + text + "'; use a whole number of days between 1 and 999999");
            return fallback;
        }
        return Long.parseLong(text);
    }

    private boolean bool(YamlNode.Mapping root, String key, boolean fallback) {
        if (root.get(key) == null) {
            return fallback;
        }
        String text = root.text(key);
        if (!"true".equals(text) && !"false".equals(text)) {
            problem(root.keyLine(key), key, "is '" + text + "'; use true or false");
            return fallback;
        }
        return Boolean.parseBoolean(text);
    }

    private void problem(int line, String key, String what) {
        problems.add("line " + line + ": " + key + ": " + what);
    }
}
