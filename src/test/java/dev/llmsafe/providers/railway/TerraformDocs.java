package dev.llmsafe.providers.railway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema part of a tfplugindocs page: each attribute's section (required, optional, read-only), type and
 * sensitivity, for the resource itself and for each nested block.
 */
record TerraformDocs(Map<String, Attribute> attributes, Map<String, Map<String, Attribute>> nested) {

    enum Section {
        REQUIRED,
        OPTIONAL,
        READ_ONLY
    }

    record Attribute(String name, Section section, String type, boolean sensitive) {}

    private static final Pattern ITEM = Pattern.compile("^- `([a-z0-9_]+)` \\(([^)]*)\\)");
    private static final Pattern NESTED = Pattern.compile("^### Nested Schema for `([a-z0-9_.]+)`");

    static TerraformDocs parse(Path file) throws IOException {
        Map<String, Attribute> top = new LinkedHashMap<>();
        Map<String, Map<String, Attribute>> nested = new LinkedHashMap<>();
        Map<String, Attribute> current = null;
        Section section = null;
        boolean inSchema = false;
        for (String line : Files.readAllLines(file)) {
            String l = line.trim();
            if (l.equals("## Schema")) {
                inSchema = true;
                current = top;
                continue;
            }
            if (!inSchema) {
                continue;
            }
            if (l.startsWith("## ")) {
                break; // "## Import" and later sections are not schema
            }
            Matcher n = NESTED.matcher(l);
            if (n.find()) {
                current = nested.computeIfAbsent(n.group(1), k -> new LinkedHashMap<>());
                section = null;
                continue;
            }
            Section s = section(l);
            if (s != null) {
                section = s;
                continue;
            }
            Matcher item = ITEM.matcher(l);
            if (item.find() && section != null && current != null) {
                String[] type = item.group(2).split(",\\s*");
                current.put(
                        item.group(1),
                        new Attribute(
                                item.group(1), section, type[0], item.group(2).contains("Sensitive")));
            }
        }
        return new TerraformDocs(top, nested);
    }

    private static Section section(String line) {
        String l = line.replace("#", "").replace(":", "").trim();
        return switch (l) {
            case "Required" -> Section.REQUIRED;
            case "Optional" -> Section.OPTIONAL;
            case "Read-Only" -> Section.READ_ONLY;
            default -> null;
        };
    }

    /** {@code source_repo_branch} to {@code sourceRepoBranch}: the bridge's property naming. */
    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code service_domain} to {@code railway:index/serviceDomain:ServiceDomain}. */
    static String token(String resource) {
        String lower = camel(resource);
        return "railway:index/" + lower + ":" + Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
