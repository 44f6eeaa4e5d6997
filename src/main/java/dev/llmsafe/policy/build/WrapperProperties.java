package dev.llmsafe.policy.build;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code maven-wrapper.properties} read twice: as {@link Properties} reads it (the wrapper jar and Maven's
 * tools), and as the {@code mvnw} script reads it. Each view keeps the line each key was read from.
 */
final class WrapperProperties {
    /** The keys {@code mvnw} reads; every other key it ignores. */
    static final String[] MVNW_KEYS = {"distributionUrl", "distributionSha256Sum"};

    final Map<String, String> properties = new HashMap<>();
    final Map<String, Integer> propertyLines = new HashMap<>();
    final Map<String, String> mvnw = new LinkedHashMap<>();
    final Map<String, Integer> mvnwLines = new HashMap<>();

    private WrapperProperties() {}

    static WrapperProperties read(String text) {
        WrapperProperties read = new WrapperProperties();
        read.readAsProperties(text);
        read.readAsMvnw(text);
        return read;
    }

    /**
     * Properties itself gives the values. For the lines, each logical line (physical lines joined by
     * a trailing odd run of backslashes; comments and blank lines skipped; {@code \n}, {@code \r} or
     * {@code \r\n} end a line) is loaded on its own to learn its key.
     */
    private void readAsProperties(String text) {
        properties.putAll(load(text));
        String[] physical = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String stripped = stripLeading(physical[i]);
            if (stripped.isEmpty() || stripped.charAt(0) == '#' || stripped.charAt(0) == '!') {
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder(physical[i]);
            while (continues(physical[i]) && i + 1 < physical.length) {
                logical.append('\n').append(physical[++i]);
            }
            load(logical.toString()).keySet().forEach(key -> propertyLines.put(key, start + 1));
        }
    }

    /**
     * {@code while IFS="=" read -r key value}: lines end at {@code \n} only, and text after the last one is
     * never read ({@code read} fails at the end of input); the key is everything before the first {@code =},
     * untrimmed; the value is the rest, less one trailing {@code =} when it holds no other, with every
     * whitespace character removed ({@code tr -d '[:space:]'}); backslashes are plain text.
     */
    private void readAsMvnw(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String rest = eq < 0 ? "" : line.substring(eq + 1);
            if (rest.endsWith("=") && rest.indexOf('=') == rest.length() - 1) {
                rest = rest.substring(0, rest.length() - 1);
            }
            for (String wanted : MVNW_KEYS) {
                if (key.equals(wanted)) {
                    mvnw.put(key, rest.replaceAll("[ \\t\\n\\u000B\\f\\r]", ""));
                    mvnwLines.put(key, i + 1);
                }
            }
        }
    }

    private static Map<String, String> load(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return Map.of(); // a malformed \\u escape: Properties refuses the text, so nothing is read
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** Properties skips spaces, tabs and form feeds before a key. */
    private static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
