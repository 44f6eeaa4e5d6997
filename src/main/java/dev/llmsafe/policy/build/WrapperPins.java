package dev.llmsafe.policy.build;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code .mvn/wrapper/maven-wrapper.properties}: a distribution of a fixed release with its SHA-256, and,
 * unless the wrapper runs as a script only, the wrapper jar's SHA-256 as well.
 */
public final class WrapperPins {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern RELEASE_URL = Pattern.compile("https://\\S+/(\\d+(\\.\\d+)+)/[^/]+-\\1(-bin)?\\.(zip|tar\\.gz)");

    private WrapperPins() {
    }

    public static List<Finding> check(String path, String text) {
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        String[] all = text.split("\r?\n|\r", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = indexOfSeparator(line);
            String key = sep < 0 ? line : line.substring(0, sep).trim();
            String value = sep < 0 ? "" : unescape(line.substring(sep + 1).trim());
            values.put(key, value);
            lines.put(key, i + 1);
        }
        List<Finding> out = new ArrayList<>();
        String url = values.get("distributionUrl");
        if (url == null || url.isEmpty()) {
            out.add(Finding.at(Location.file(path, 1), "the Maven wrapper names no distributionUrl",
                    "set distributionUrl to a Maven release on Maven Central"));
        } else if (url.toUpperCase(Locale.ROOT).contains("SNAPSHOT") || !RELEASE_URL.matcher(url).matches()) {
            out.add(Finding.at(Location.file(path, lines.get("distributionUrl")), "distributionUrl " + url
                    + " is not a fixed release over https", "point it at .../apache-maven/<version>/apache-maven-<version>-bin.zip"));
        }
        checksum(path, values, lines, "distributionSha256Sum", "the Maven distribution", out);
        if (!"only-script".equals(values.get("distributionType"))) {
            checksum(path, values, lines, "wrapperSha256Sum", "the wrapper jar", out);
        }
        return out;
    }

    private static void checksum(String path, Map<String, String> values, Map<String, Integer> lines, String key,
                                 String what, List<Finding> out) {
        String sum = values.get(key);
        if (sum == null || !SHA256.matcher(sum).matches()) {
            out.add(Finding.at(Location.file(path, lines.getOrDefault(key, 1)), (sum == null ? "no " + key
                    : key + " '" + sum + "' is not a SHA-256") + ", so " + what + " is not verified before it runs",
                    "set " + key + " to the SHA-256 published next to the file on Maven Central"));
        }
    }

    /** The first '=' or ':' not escaped with a backslash, as java.util.Properties reads it. */
    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Older wrappers write {@code https\://}; properties escapes are undone before judging a value. */
    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                out.append(value.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
