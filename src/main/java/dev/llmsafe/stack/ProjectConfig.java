package dev.llmsafe.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project-level {@code config:} of {@code Pulumi.yaml} (Pulumi 3.44 and later), read as the engine merges it
 * into every stack's config: a key without a namespace belongs to the project ({@code name}), a namespaced key is
 * taken as written; a stack that sets a key replaces the project's value whole; a project key with neither a
 * {@code value} nor a {@code default} must be set by every stack.
 */
final class ProjectConfig {
    /** What a mapping may hold: a nested {@code value}, or a declaration ({@code type}, {@code default}, ...). */
    private static final List<String> FIELDS = List.of("value", "type", "description", "secret", "default", "items");

    private static final List<String> TYPES = List.of("string", "integer", "boolean", "array");

    /** One project-level entry: its value (null for a declaration with no default) and whether it must be secret. */
    record Entry(JsonNode value, boolean secret) {}

    private final Path file;
    private final Map<String, Entry> entries;

    private ProjectConfig(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads the project file; throws {@link IOException} naming the file and the key for anything Pulumi refuses. */
    static ProjectConfig load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("project file " + file + " does not exist; Pulumi needs it: run from the project's "
                    + "directory or name it with --project-dir");
        }
        JsonNode root = YamlStackConfig.readYaml(file, "project file");
        if (root == null
                || !root.path("name").isTextual()
                || root.path("name").asText().isBlank()) {
            throw new IOException("project file " + file + " has no name; Pulumi needs `name: <project>`");
        }
        String project = root.path("name").asText();
        JsonNode section = root.path("config");
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (section.isMissingNode() || section.isNull()) {
            return new ProjectConfig(file, entries);
        }
        if (!section.isObject()) {
            throw new IOException("project file " + file + ": 'config' must be a mapping of keys to values");
        }
        var fields = section.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String key = field.getKey().contains(":") ? field.getKey() : project + ":" + field.getKey();
            if (entries.containsKey(key)) {
                throw new IOException("project file " + file + ": " + key + " is set twice (once as '"
                        + key.substring(key.indexOf(':') + 1) + "'); keep one of them");
            }
            entries.put(key, entry(file, project, key, field.getValue()));
        }
        return new ProjectConfig(file, entries);
    }

    private static Entry entry(Path file, String project, String key, JsonNode node) throws IOException {
        String where = "project file " + file + ": " + key;
        // The YAML reader gives `key:` with nothing after it as null or as empty text, so neither is a value here.
        boolean empty = node.isNull() || node.isTextual() && node.asText().isBlank();
        if (empty || node.isFloatingPointNumber()) {
            throw new IOException(where + " must be text, a whole number, true/false or a list; "
                    + (empty ? "give it a value" : "quote a number with a fraction"));
        }
        if (!node.isObject()) {
            return new Entry(node, false);
        }
        for (String field : (Iterable<String>) node::fieldNames) {
            if (!FIELDS.contains(field)) {
                throw new IOException(where + " is a mapping with '" + field + "'; a structured value goes under "
                        + "`value:`, and a declaration has only " + FIELDS);
            }
        }
        if (node.has("value") && node.has("default")) {
            throw new IOException(where + " has both a value and a default; keep one");
        }
        boolean ours = key.startsWith(project + ":");
        if (!ours && (node.has("type") || node.has("default"))) {
            throw new IOException(where + " is not namespaced by the project and should not define a type or a "
                    + "default; give it under `value:`");
        }
        String type = node.path("type").asText("");
        if (node.has("type") && !TYPES.contains(type)) {
            throw new IOException(where + " has type '" + type + "'; Pulumi knows " + TYPES);
        }
        if ("array".equals(type) && !node.has("items")) {
            throw new IOException(where + " declares an array without `items:` (the type of its elements)");
        }
        JsonNode value = node.has("value") ? node.get("value") : node.get("default");
        // The engine checks a declared secret only when the declaration has a type.
        return new Entry(value, node.has("type") && node.path("secret").asBoolean(false));
    }

    Path file() {
        return file;
    }

    /** Namespaced key to its entry, in file order. */
    Map<String, Entry> entries() {
        return entries;
    }
}
