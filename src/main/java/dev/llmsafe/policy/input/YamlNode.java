package dev.llmsafe.policy.input;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document as a tree that remembers the line of every value and key, so findings in workflows,
 * {@code Pulumi.yaml} and policy.yaml can point at the line to fix.
 */
public sealed interface YamlNode {
    /** 1-based line of the value; 0 when unknown. */
    int line();

    /** A scalar; {@code text} is null for YAML null (an empty value, {@code ~} or {@code null}). */
    record Scalar(String text, int line) implements YamlNode {}

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = Collections.unmodifiableList(items);
        }
    }

    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(entries);
            keyLines = Collections.unmodifiableMap(keyLines);
        }

        public YamlNode get(String key) {
            return entries.get(key);
        }

        /** The line of the key, or of the mapping when the key is absent. */
        public int keyLine(String key) {
            return keyLines.getOrDefault(key, line);
        }

        public Optional<Mapping> mapping(String key) {
            return asMapping(entries.get(key));
        }

        public Optional<Sequence> sequence(String key) {
            return asSequence(entries.get(key));
        }

        /** The scalar text under {@code key}, or null when absent, null or not a scalar. */
        public String text(String key) {
            return YamlNode.text(entries.get(key));
        }
    }

    static Optional<Mapping> asMapping(YamlNode node) {
        return node instanceof Mapping ? Optional.of((Mapping) node) : Optional.empty();
    }

    static Optional<Sequence> asSequence(YamlNode node) {
        return node instanceof Sequence ? Optional.of((Sequence) node) : Optional.empty();
    }

    /** The text of a scalar; null for anything else. */
    static String text(YamlNode node) {
        return node instanceof Scalar ? ((Scalar) node).text() : null;
    }

    /** A scalar, or every scalar of a sequence: how workflows write "one or many". */
    static List<String> texts(YamlNode node) {
        if (node instanceof Scalar && ((Scalar) node).text() != null) {
            return List.of(((Scalar) node).text());
        }
        if (node instanceof Sequence) {
            return ((Sequence) node)
                    .items().stream().map(YamlNode::text).filter(t -> t != null).toList();
        }
        return List.of();
    }
}
