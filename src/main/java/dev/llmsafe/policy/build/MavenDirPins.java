package dev.llmsafe.policy.build;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * What Maven reads from {@code .mvn/} before any pom. {@code extensions.xml}: every core extension has an
 * exact version written out (nothing there can define a property). {@code maven.config}: no {@code -D}
 * property is set to a range, SNAPSHOT, LATEST or RELEASE, since a user property there overrides the
 * property of that name in every pom.
 */
public final class MavenDirPins {
    private MavenDirPins() {}

    public static List<Finding> checkExtensions(String path, String xml) {
        List<Finding> out = new ArrayList<>();
        PomModel model = PomPins.read(path, xml, "extensions", out);
        if (model == null) {
            return out;
        }
        for (PomModel.Coordinate c : model.coordinates()) {
            String what = "extension " + c.groupId() + ":" + c.artifactId();
            String version = c.version();
            int line = c.versionLine() > 0 ? c.versionLine() : c.line();
            if (version == null || version.isEmpty()) {
                out.add(Finding.at(
                        Location.file(path, c.line()),
                        what + " has no version",
                        "add <version> with an exact release"));
            } else if (version.contains("${")) {
                out.add(Finding.at(
                        Location.file(path, line),
                        what + " version " + version + " uses a property, which " + ".mvn/extensions.xml cannot define",
                        "write the exact version out"));
            } else if (PomPins.inexact(version) != null) {
                out.add(Finding.at(
                        Location.file(path, line),
                        what + " version " + version + " is " + PomPins.inexact(version),
                        "write an exact release version, e.g. 1.2.3"));
            }
        }
        return out;
    }

    /** {@code -Dname=value}, {@code -D name=value} and {@code --define name=value}, one finding per moving value. */
    public static List<Finding> checkConfig(String path, String text) {
        List<Finding> out = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        boolean defineNext = false;
        for (int i = 0; i < lines.length; i++) {
            for (String token : lines[i].trim().split("\\s+")) {
                String definition = null;
                if (defineNext) {
                    definition = token;
                } else if (token.startsWith("-D") && token.length() > 2) {
                    definition = token.substring(2);
                } else if (token.startsWith("--define=")) {
                    definition = token.substring("--define=".length());
                }
                defineNext = token.equals("-D") || token.equals("--define");
                if (definition == null) {
                    continue;
                }
                int eq = definition.indexOf('=');
                String name = eq < 0 ? definition : definition.substring(0, eq);
                String value = eq < 0 ? "true" : definition.substring(eq + 1);
                String problem = value.isEmpty() ? null : PomPins.inexact(value);
                if (problem != null) {
                    out.add(Finding.at(
                            Location.file(path, i + 1),
                            "-D" + name + "=" + value + " in " + path + " overrides every pom's " + name + " with "
                                    + article(problem),
                            "set an exact version, or leave versions to the poms"));
                }
            }
        }
        return out;
    }

    private static String article(String problem) {
        return problem.startsWith("a ") || problem.startsWith("an ") ? problem : "a value that is " + problem;
    }
}
