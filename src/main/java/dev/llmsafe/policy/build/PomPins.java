package dev.llmsafe.policy.build;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * {@code pom.xml}: every dependency, plugin, extension and parent has an exact version once properties are
 * resolved: no ranges, SNAPSHOT, LATEST or RELEASE, and no plugin without a version (here or in this pom's
 * pluginManagement). A group id, artifact id or version that uses a property a profile sets is refused: the
 * effective value depends on which profiles are active where Maven runs. A dependency without a version is accepted only when this pom's dependencyManagement,
 * an imported BOM, or a parent manages it.
 */
public final class PomPins {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]*)}");
    private static final String FIX = "write an exact release version, e.g. 1.2.3";

    private PomPins() {}

    public static List<Finding> check(String path, String xml) {
        List<Finding> out = new ArrayList<>();
        PomModel pom = read(path, xml, "versions", out);
        if (pom == null) {
            return out;
        }
        Map<String, String> managed = new HashMap<>();
        boolean bom = false;
        boolean hasParent = false;
        for (PomModel.Coordinate c : pom.coordinates()) {
            if (c.managed() && c.version() != null) {
                managed.put(c.kind() + ":" + key(c, pom), c.version());
            }
            bom |= c.bomImport();
            hasParent |= c.kind() == PomModel.Kind.PARENT;
        }
        for (PomModel.Coordinate c : pom.coordinates()) {
            String what = c.kind().name().toLowerCase(Locale.ROOT) + " " + key(c, pom);
            int line = c.versionLine() > 0 ? c.versionLine() : c.line();
            Location declared = Location.file(path, c.line());
            if (setInProfile(declared, what + " group id", c.groupId(), pom, out)
                    | setInProfile(declared, what + " artifact id", c.artifactId(), pom, out)
                    | setInProfile(Location.file(path, line), what + " version", c.version(), pom, out)) {
                continue;
            }
            if (c.version() == null || c.version().isEmpty()) {
                boolean ok = managed.containsKey(c.kind() + ":" + key(c, pom))
                        || (c.kind() == PomModel.Kind.DEPENDENCY && (bom || hasParent));
                if (!ok) {
                    out.add(Finding.at(
                            Location.file(path, c.line()),
                            what + " has no version",
                            "add <version> with an exact release"
                                    + (c.kind() == PomModel.Kind.PLUGIN
                                            ? " (or in <pluginManagement>); unpinned plugins change with the Maven version"
                                            : "")));
                }
                continue;
            }
            String resolved = resolve(c.version(), pom);
            if (resolved == null) {
                out.add(Finding.at(
                        Location.file(path, line),
                        what + " version " + c.version() + " uses a property this pom does not define",
                        "define the property in <properties>"));
                continue;
            }
            String problem = inexact(resolved);
            if (problem != null) {
                String shown = resolved.equals(c.version()) ? resolved : c.version() + " (= " + resolved + ")";
                out.add(Finding.at(Location.file(path, line), what + " version " + shown + " is " + problem, FIX));
            }
        }
        return out;
    }

    /** A coordinate as Maven resolves it, {@code group:artifact}, with the line it is declared at. */
    public record ResolvedCoordinate(String coordinate, int line) {}

    /**
     * Every dependency, plugin, extension and parent as {@code group:artifact} with properties put in: under
     * the pom's own properties and under each profile's over them (whichever Maven may use). Empty when the
     * text is not XML, which dependency-pins reports.
     */
    public static List<ResolvedCoordinate> resolvedCoordinates(String xml) {
        PomModel pom = read("pom.xml", xml, "coordinates", new ArrayList<>());
        if (pom == null) {
            return List.of();
        }
        List<PomModel> views = new ArrayList<>(List.of(pom));
        pom.profileProperties().values().forEach(profile -> {
            Map<String, String> merged = new HashMap<>(pom.properties());
            merged.putAll(profile);
            views.add(new PomModel(merged, Map.of(), pom.projectVersion(), pom.parentVersion(), pom.coordinates()));
        });
        Set<ResolvedCoordinate> out = new LinkedHashSet<>();
        for (PomModel view : views) {
            view.coordinates().forEach(c -> out.add(new ResolvedCoordinate(key(c, view), c.line())));
        }
        return List.copyOf(out);
    }

    /** {@code group:artifact} with properties resolved where they can be, as Maven matches managed entries. */
    private static String key(PomModel.Coordinate c, PomModel pom) {
        return resolvedOrRaw(c.effectiveGroupId(), pom) + ":" + resolvedOrRaw(c.artifactId(), pom);
    }

    static String resolvedOrRaw(String text, PomModel pom) {
        String resolved = text == null ? null : resolve(text, pom);
        return resolved == null ? text : resolved;
    }

    /**
     * A coordinate field that uses, directly or through other properties, a property a profile sets: which
     * value Maven takes depends on the profiles active where it builds (by default, by JDK, OS or file, or
     * {@code -P}), so the pin cannot be judged from the file.
     */
    private static boolean setInProfile(Location at, String what, String raw, PomModel pom, List<Finding> out) {
        if (raw == null || !raw.contains("${")) {
            return false;
        }
        for (String name : propertiesUsed(raw, pom)) {
            for (Map.Entry<String, Map<String, String>> profile :
                    pom.profileProperties().entrySet()) {
                if (profile.getValue().containsKey(name)) {
                    out.add(Finding.at(
                            at,
                            what + " " + raw + " uses " + name + ", which profile " + profile.getKey() + " sets",
                            "set " + name + " only in the pom's own <properties>, not in a "
                                    + "profile, or write the value out"));
                    return true;
                }
            }
        }
        return false;
    }

    /** Every property the text refers to, and those their values refer to, in order. */
    private static Set<String> propertiesUsed(String raw, PomModel pom) {
        Set<String> used = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(raw));
        while (!todo.isEmpty() && used.size() < 1000) {
            Matcher m = PROPERTY.matcher(todo.pop());
            while (m.find()) {
                String name = m.group(1);
                if (used.add(name) && pom.properties().get(name) != null) {
                    todo.add(pom.properties().get(name));
                }
            }
        }
        return used;
    }

    /** Why a version is not exact, or null when it is. */
    static String inexact(String version) {
        String v = version.trim();
        if (v.isEmpty()) {
            return "empty";
        }
        if (v.startsWith("[") || v.startsWith("(") || v.contains(",")) {
            return "a range";
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.contains("SNAPSHOT")) {
            return "a SNAPSHOT";
        }
        if (upper.equals("LATEST") || upper.equals("RELEASE")) {
            return "a moving alias (" + v + ")";
        }
        return null;
    }

    /** The version with properties substituted, or null when one is undefined. */
    static String resolve(String version, PomModel pom) {
        String current = version;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = property(m.group(1), pom);
                if (value == null) {
                    return null;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current.contains("${") ? null : current;
    }

    private static String property(String name, PomModel pom) {
        switch (name) {
            case "project.version":
            case "pom.version":
            case "version":
                return pom.projectVersion();
            case "project.parent.version":
            case "parent.version":
                return pom.parentVersion();
            default:
                return pom.properties().get(name);
        }
    }

    /** The parsed file, or null after a finding that it cannot be read as XML (so its {@code what} cannot be checked). */
    static PomModel read(String path, String xml, String what, List<Finding> out) {
        try {
            return PomParser.parse(xml);
        } catch (XMLStreamException | RuntimeException e) {
            int line = e instanceof XMLStreamException && ((XMLStreamException) e).getLocation() != null
                    ? ((XMLStreamException) e).getLocation().getLineNumber()
                    : 0;
            out.add(Finding.at(
                    Location.file(path, line),
                    path + " cannot be read as XML, so its " + what + " cannot be " + "checked: "
                            + firstLine(e.getMessage()),
                    "fix the XML"));
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
