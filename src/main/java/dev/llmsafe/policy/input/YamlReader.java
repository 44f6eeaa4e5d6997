package dev.llmsafe.policy.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses YAML 1.2 into {@link YamlNode}s with line numbers, as GitHub reads a workflow: anchors and aliases
 * are expanded, so every rule judges the value an alias stands for, never the anchor's name. Hostile input
 * ends in an {@link InputException} naming the line: a merge key {@code <<} (YAML 1.2 has none and GitHub does
 * not merge, while YAML 1.1 readers do, so such a file means different things to different readers),
 * duplicate keys (readers disagree on which one wins), a key that is not a scalar, a recursive alias, more
 * than one document, or nesting or alias expansion beyond any real workflow or policy file.
 */
public final class YamlReader {
    private static final int MAX_DEPTH = 64;
    /** Values once aliases are expanded: bounds "billion laughs" documents. */
    private static final int MAX_NODES = 100_000;

    private static final String MERGE_TAG = "tag:yaml.org,2002:merge";
    private static final String NULL_TAG = "tag:yaml.org,2002:null";
    /** Plain scalars the YAML 1.2 core schema reads as null. */
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    private YamlReader() {}

    public static YamlNode parse(String text, String source) throws InputException {
        LoadSettings settings = LoadSettings.builder().setLabel(source).build();
        try {
            Iterator<Event> events = new Parse(settings).parseString(text).iterator();
            Builder builder = new Builder(source, events);
            YamlNode root = null;
            int documents = 0;
            while (events.hasNext()) {
                Event event = events.next();
                if (event.getEventId() == Event.ID.DocumentStart && ++documents > 1) {
                    throw new InputException(
                            source,
                            "line " + line(event) + ": more than one YAML document; " + "keep one document per file");
                }
                if (event instanceof NodeEvent) {
                    root = builder.node(event, 0).node();
                }
            }
            return root == null ? new YamlNode.Scalar(null, 1) : root;
        } catch (InputException e) {
            throw e;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(m -> m.getLine() + 1)
                    .orElse(0);
            throw new InputException(
                    source, (line > 0 ? "line " + line + ": " : "") + "not valid YAML: " + firstLine(e.getProblem()));
        } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(source, "not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** A value with what expanding an alias of it costs: its number of values and its depth. */
    private record Built(YamlNode node, int size, int height) {}

    /**
     * Builds the tree from parser events. An alias becomes the value its anchor named (the tree is immutable,
     * so the value is shared); an alias of a value still being read would be recursive and is refused.
     */
    private static final class Builder {
        private final String source;
        private final Iterator<Event> events;
        private final Map<String, Built> anchors = new HashMap<>();
        private final Set<String> open = new HashSet<>();
        private int nodes;

        Builder(String source, Iterator<Event> events) {
            this.source = source;
            this.events = events;
        }

        Built node(Event event, int depth) throws InputException {
            int line = line(event);
            if (event instanceof AliasEvent) {
                return alias(((AliasEvent) event).getAlias().getValue(), line, depth);
            }
            count(1, depth, line);
            Optional<String> anchor = ((NodeEvent) event).getAnchor().map(Anchor::getValue);
            anchor.ifPresent(open::add);
            Built built;
            if (event instanceof ScalarEvent) {
                built = new Built(new YamlNode.Scalar(scalar((ScalarEvent) event), line), 1, 0);
            } else if (event.getEventId() == Event.ID.SequenceStart) {
                built = sequence(line, depth);
            } else if (event.getEventId() == Event.ID.MappingStart) {
                built = mapping(line, depth);
            } else {
                throw new InputException(source, "line " + line + ": unexpected " + event.getEventId());
            }
            anchor.ifPresent(a -> {
                open.remove(a);
                anchors.put(a, built);
            });
            return built;
        }

        private Built alias(String name, int line, int depth) throws InputException {
            if (open.contains(name)) {
                throw new InputException(
                        source,
                        "line " + line + ": alias *" + name + " refers to a value that "
                                + "contains it; GitHub refuses recursive aliases");
            }
            Built target = anchors.get(name);
            if (target == null) {
                throw new InputException(source, "line " + line + ": alias *" + name + " names no anchor before it");
            }
            count(target.size(), depth + target.height(), line);
            return target;
        }

        private void count(int size, int depth, int line) throws InputException {
            if (depth > MAX_DEPTH) {
                throw new InputException(source, "line " + line + ": nested deeper than " + MAX_DEPTH + " levels");
            }
            nodes += size;
            if (nodes > MAX_NODES) {
                throw new InputException(
                        source,
                        "line " + line + ": more than " + MAX_NODES
                                + " values once aliases are expanded; write the file out without nested aliases");
            }
        }

        private Built sequence(int line, int depth) throws InputException {
            List<YamlNode> items = new ArrayList<>();
            int size = 1;
            int height = 0;
            for (Event e = events.next(); e.getEventId() != Event.ID.SequenceEnd; e = events.next()) {
                Built item = node(e, depth + 1);
                items.add(item.node());
                size += item.size();
                height = Math.max(height, item.height() + 1);
            }
            return new Built(new YamlNode.Sequence(items, line), size, height);
        }

        private Built mapping(int line, int depth) throws InputException {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            int size = 1;
            int height = 0;
            for (Event e = events.next(); e.getEventId() != Event.ID.MappingEnd; e = events.next()) {
                int keyLine = line(e);
                String key = key(e, keyLine);
                if (entries.containsKey(key)) {
                    throw new InputException(
                            source,
                            "line " + keyLine + ": duplicate key '" + key + "' (first at line " + keyLines.get(key)
                                    + "); YAML readers disagree on which one wins, so remove one");
                }
                Built value = node(events.next(), depth + 1);
                keyLines.put(key, keyLine);
                entries.put(key, value.node());
                size += 1 + value.size();
                height = Math.max(height, value.height() + 1);
            }
            return new Built(new YamlNode.Mapping(entries, keyLines, line), size, height);
        }

        /** A key is plain text; a merge key ({@code <<}, or tagged {@code !!merge}) is refused. */
        private String key(Event e, int line) throws InputException {
            if (e instanceof AliasEvent) {
                Built target = anchors.get(((AliasEvent) e).getAlias().getValue());
                if (target != null
                        && target.node() instanceof YamlNode.Scalar
                        && YamlNode.text(target.node()) != null) {
                    count(1, 0, line);
                    return YamlNode.text(target.node());
                }
                throw new InputException(source, "line " + line + ": a mapping key must be plain text");
            }
            if (!(e instanceof ScalarEvent)) {
                throw new InputException(
                        source,
                        "line " + line + ": a mapping key must be plain text, not a "
                                + (e.getEventId() == Event.ID.SequenceStart ? "list" : "mapping"));
            }
            ScalarEvent scalar = (ScalarEvent) e;
            if (scalar.getValue().equals("<<")
                    || scalar.getTag().map(MERGE_TAG::equals).orElse(false)) {
                throw new InputException(
                        source,
                        "line " + line + ": merge key '<<': GitHub does not merge "
                                + "YAML mappings (YAML 1.2 has no merge keys) while YAML 1.1 readers do, so readers disagree on "
                                + "what this file says; write the keys out (aliases of whole values are fine)");
            }
            count(1, 0, line);
            scalar.getAnchor()
                    .ifPresent(a ->
                            anchors.put(a.getValue(), new Built(new YamlNode.Scalar(scalar.getValue(), line), 1, 0)));
            return scalar.getValue();
        }

        /** The text of a scalar, or null where the YAML 1.2 core schema reads null. */
        private static String scalar(ScalarEvent e) {
            if (e.getTag().isPresent()) {
                return e.getTag().get().equals(NULL_TAG) ? null : e.getValue();
            }
            return e.isPlain() && NULLS.contains(e.getValue()) ? null : e.getValue();
        }
    }

    private static int line(Event event) {
        Optional<Mark> mark = event.getStartMark();
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
