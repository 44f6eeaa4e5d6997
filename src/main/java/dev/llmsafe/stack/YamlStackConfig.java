package dev.llmsafe.stack;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmsafe.files.CliFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stack configuration read straight from a {@code Pulumi.<stack>.yaml} file plus {@code --set} overrides, over the
 * project-level config of {@code Pulumi.yaml}: the offline counterpart of what the engine hands the program.
 * Encrypted ({@code secure:}) values cannot be decrypted without the stack's secrets provider, so they read as
 * {@code [secret]} and are marked secret.
 */
public final class YamlStackConfig implements ConfigSource {
    // Pulumi refuses a config file with a duplicate key; reading it here as "the last one wins" would plan a
    // stack the engine never deploys.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = StackSettings.NAMESPACE + ":";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Boolean> secret = new LinkedHashMap<>();

    private YamlStackConfig() {}

    /**
     * A stack's config as the engine hands it to the program: the stack file's values, then {@code overrides} (as
     * {@code pulumi config set} would store them), then the project-level {@code config:} of {@code projectFile}
     * for every key the stack leaves unset. Throws {@link IOException} naming the file for anything Pulumi refuses.
     */
    public static YamlStackConfig load(Path projectFile, Path stackFile, Map<String, String> overrides)
            throws IOException {
        YamlStackConfig config = load(stackFile, overrides);
        config.applyProject(ProjectConfig.load(projectFile), stackFile);
        return config;
    }

    /**
     * The stack file and {@code overrides} alone, without the project's defaults: for a tool that reads one key
     * only stack files hold. Throws {@link IOException} with the file named when it is missing or not YAML.
     */
    public static YamlStackConfig load(Path file, Map<String, String> overrides) throws IOException {
        YamlStackConfig config = new YamlStackConfig();
        JsonNode root = readYaml(file, "config file");
        JsonNode section = root == null ? null : root.get("config");
        if (section != null && !section.isObject()) {
            throw new IOException("config file " + file + ": 'config' must be a mapping of keys to values");
        }
        if (section != null) {
            section.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith(PREFIX)) {
                    config.put(e.getKey().substring(PREFIX.length()), e.getValue());
                }
            });
        }
        overrides.forEach((k, v) -> {
            String key = k.startsWith(PREFIX) ? k.substring(PREFIX.length()) : k;
            config.values.put(key, v);
            config.secret.put(key, false);
        });
        return config;
    }

    /** The engine's merge: a project value fills a key the stack leaves unset; the stack's value wins whole. */
    private void applyProject(ProjectConfig project, Path stackFile) throws IOException {
        for (var e : project.entries().entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String key = e.getKey().substring(PREFIX.length());
            ProjectConfig.Entry entry = e.getValue();
            if (!values.containsKey(key)) {
                if (entry.value() == null) {
                    throw new IOException("project file " + project.file() + " declares " + e.getKey() + " with no "
                            + "default, and " + stackFile.getFileName() + " does not set it; set it there");
                }
                put(key, entry.value());
            }
            if (entry.secret() && !isSecret(key)) {
                throw new IOException("project file " + project.file() + " declares " + e.getKey() + " secret, so "
                        + "the value must be encrypted: `pulumi config set --secret " + e.getKey() + " VALUE`");
            }
        }
    }

    /** The file's YAML; throws {@link IOException} naming it ({@code what} it is) and the line where it can. */
    static JsonNode readYaml(Path file, String what) throws IOException {
        String text = CliFiles.readText(file, what + " " + file);
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String message = firstLine(e.getOriginalMessage());
            Matcher duplicate = DUPLICATE.matcher(message);
            throw new IOException(
                    what + " " + file + (line > 0 ? ": line " + line + ", column " + column : "")
                            + (duplicate.matches()
                                    ? ": duplicate key '" + duplicate.group(1)
                                            + "'; Pulumi refuses the file, so remove one"
                                    : " is not valid YAML: " + message),
                    e);
        } catch (IOException e) {
            throw new IOException(what + " " + file + " is not valid YAML", e);
        }
        if (root != null && !root.isObject() && !root.isMissingNode() && !root.isNull()) {
            throw new IOException(what + " " + file + " holds a YAML "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + "; it must be a mapping with a config: section");
        }
        return root;
    }

    /** Config made of plain key/value pairs only, as {@code --set} would give. */
    public static YamlStackConfig of(Map<String, String> values) {
        YamlStackConfig config = new YamlStackConfig();
        values.forEach((k, v) -> {
            config.values.put(k, v);
            config.secret.put(k, false);
        });
        return config;
    }

    private void put(String key, JsonNode node) {
        boolean[] hasSecret = {false};
        JsonNode plain = redactSecure(node, hasSecret);
        values.put(key, plain.isValueNode() ? plain.asText() : plain.toString());
        secret.put(key, hasSecret[0]);
    }

    /** Replaces each {@code {secure: ...}} leaf with {@code [secret]}, noting that one was seen. */
    private static JsonNode redactSecure(JsonNode node, boolean[] hasSecret) {
        if (node.isObject() && node.size() == 1 && node.has("secure")) {
            hasSecret[0] = true;
            return JsonNodeFactory.instance.textNode(SecretText.REDACTED);
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), redactSecure(e.getValue(), hasSecret)));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(redactSecure(item, hasSecret)));
            return out;
        }
        return node;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public boolean isSecret(String key) {
        return secret.getOrDefault(key, false);
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(values.keySet());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static ObjectMapper json() {
        return JSON;
    }
}
