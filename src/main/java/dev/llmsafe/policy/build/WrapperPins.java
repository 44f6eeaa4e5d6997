package dev.llmsafe.policy.build;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code .mvn/wrapper/maven-wrapper.properties}: a distribution of a fixed release with its SHA-256, and,
 * unless the wrapper runs as a script only, the wrapper jar's SHA-256 as well; and {@code mvnw} reads the keys
 * it uses exactly as Properties does ({@link WrapperProperties}), so the pins judged are the ones it
 * applies.
 */
public final class WrapperPins {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern RELEASE_URL =
            Pattern.compile("https://\\S+/(\\d+(\\.\\d+)+)/[^/]+-\\1(-bin)?\\.(zip|tar\\.gz)");

    private WrapperPins() {}

    public static List<Finding> check(String path, String text) {
        WrapperProperties read = WrapperProperties.read(text);
        Map<String, String> values = read.properties;
        Map<String, Integer> lines = read.propertyLines;
        List<Finding> out = new ArrayList<>();
        for (String key : WrapperProperties.MVNW_KEYS) {
            readAlike(path, key, read, out);
        }
        String url = values.get("distributionUrl");
        if (url == null || url.isEmpty()) {
            out.add(Finding.at(
                    Location.file(path, 1),
                    "the Maven wrapper names no distributionUrl",
                    "set distributionUrl to a Maven release on Maven Central"));
        } else if (url.toUpperCase(Locale.ROOT).contains("SNAPSHOT")
                || !RELEASE_URL.matcher(url).matches()) {
            out.add(Finding.at(
                    Location.file(path, lines.getOrDefault("distributionUrl", 1)),
                    "distributionUrl " + url + " is not a fixed release over https",
                    "point it at .../apache-maven/<version>/apache-maven-<version>-bin.zip"));
        }
        checksum(path, read, "distributionSha256Sum", "the Maven distribution", out);
        if (!"only-script".equals(values.get("distributionType"))) {
            checksum(path, read, "wrapperSha256Sum", "the wrapper jar", out);
        }
        return out;
    }

    /** mvnw must read the key as Properties does, or the pin checked here is not the one it uses. */
    private static void readAlike(String path, String key, WrapperProperties read, List<Finding> out) {
        String properties = read.properties.get(key);
        String mvnw = read.mvnw.get(key);
        if (Objects.equals(properties, mvnw)) {
            return;
        }
        String fix = "write it as " + key + "=<value> on a line of its own: no space, ':' or escape around '=', no "
                + "continuation, and a newline at the end of the file";
        if (mvnw == null) {
            out.add(Finding.at(
                    Location.file(path, read.propertyLines.getOrDefault(key, 1)),
                    key + " is set for "
                            + "java.util.Properties but mvnw never reads that line, so mvnw runs without it",
                    fix));
        } else {
            out.add(Finding.at(
                    Location.file(path, read.mvnwLines.get(key)),
                    "mvnw reads " + key + " as '" + mvnw + "'"
                            + (properties == null
                                    ? ", which java.util.Properties does not see"
                                    : " but java.util.Properties reads '" + properties + "' (line "
                                            + read.propertyLines.getOrDefault(key, 1) + ")"),
                    fix));
        }
    }

    private static void checksum(String path, WrapperProperties read, String key, String what, List<Finding> out) {
        String sum = read.properties.get(key);
        if (sum == null || !SHA256.matcher(sum).matches()) {
            out.add(Finding.at(
                    Location.file(path, read.propertyLines.getOrDefault(key, 1)),
                    (sum == null ? "no " + key : key + " '" + sum + "' is not a SHA-256") + ", so " + what
                            + " is not verified before it runs",
                    "set " + key + " to the SHA-256 published next to the file on Maven Central"));
        }
    }
}
