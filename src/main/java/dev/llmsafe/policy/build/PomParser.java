package dev.llmsafe.policy.build;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a {@code pom.xml} with StAX, keeping line numbers. DTDs and external entities are refused: a build
 * file from a pull request is untrusted input.
 */
final class PomParser {
    private static final int MAX_DEPTH = 100;

    private PomParser() {}

    static PomModel parse(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
        Deque<String> path = new ArrayDeque<>();
        Deque<Map<String, String>> open = new ArrayDeque<>();
        Deque<int[]> openLines = new ArrayDeque<>();
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> projectFields = new HashMap<>();
        List<String[]> profileIds = new ArrayList<>();
        List<Map<String, String>> profiles = new ArrayList<>();
        List<PomModel.Coordinate> coordinates = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("DOCTYPE declarations are not allowed in pom.xml");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    String parent = path.peek();
                    path.push(name);
                    if (path.size() > MAX_DEPTH) {
                        throw new XMLStreamException("nested deeper than " + MAX_DEPTH + " elements");
                    }
                    text.setLength(0);
                    if (name.equals("profile") && "profiles".equals(parent) && path.size() == 3) {
                        profileIds.add(new String[] {"#" + (profiles.size() + 1)});
                        profiles.add(new LinkedHashMap<>());
                    }
                    if (kind(name, parent, path.size()) != null) {
                        open.push(new HashMap<>());
                        openLines.push(new int[] {reader.getLocation().getLineNumber(), 0});
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    String parent = path.peek();
                    String value = text.toString().trim();
                    PomModel.Kind kind = kind(name, parent, path.size() + 1);
                    if (kind != null) {
                        Map<String, String> fields = open.pop();
                        int[] lines = openLines.pop();
                        boolean managed = path.contains("dependencyManagement") || path.contains("pluginManagement");
                        coordinates.add(PomModel.Coordinate.of(kind, fields, lines[0], lines[1], managed));
                    } else if (!open.isEmpty() && isCoordinateField(name) && isOpenCoordinate(parent)) {
                        open.peek().put(name, value);
                        if (name.equals("version")) {
                            openLines.peek()[1] = reader.getLocation().getLineNumber();
                        }
                    } else if ("properties".equals(parent) && path.size() == 2) {
                        properties.put(name, value);
                    } else if ("properties".equals(parent) && path.size() == 4 && inProfile(path)) {
                        profiles.get(profiles.size() - 1).put(name, value);
                    } else if (name.equals("id") && "profile".equals(parent) && path.size() == 3) {
                        profileIds.get(profileIds.size() - 1)[0] = value;
                    } else if ("project".equals(parent) && path.size() == 1) {
                        projectFields.put(name, value);
                    }
                    text.setLength(0);
                }
            }
        } finally {
            reader.close();
        }
        String parentVersion = coordinates.stream()
                .filter(c -> c.kind() == PomModel.Kind.PARENT)
                .map(PomModel.Coordinate::version)
                .findFirst()
                .orElse(null);
        String projectVersion = projectFields.getOrDefault("version", parentVersion);
        Map<String, Map<String, String>> byProfile = new LinkedHashMap<>();
        for (int i = 0; i < profiles.size(); i++) {
            byProfile.merge(profileIds.get(i)[0], profiles.get(i), (a, b) -> {
                Map<String, String> both = new LinkedHashMap<>(a);
                both.putAll(b);
                return both;
            });
        }
        return new PomModel(properties, byProfile, projectVersion, parentVersion, coordinates);
    }

    /** {@code project/profiles/profile/properties}, the path below the element just closed. */
    private static boolean inProfile(Deque<String> path) {
        var it = path.iterator();
        it.next();
        return "profile".equals(it.next()) && "profiles".equals(it.next()) && "project".equals(it.next());
    }

    private static PomModel.Kind kind(String name, String parent, int depth) {
        if (name.equals("dependency") && "dependencies".equals(parent)) {
            return PomModel.Kind.DEPENDENCY;
        }
        if (name.equals("plugin") && "plugins".equals(parent)) {
            return PomModel.Kind.PLUGIN;
        }
        if (name.equals("extension") && "extensions".equals(parent)) {
            return PomModel.Kind.EXTENSION;
        }
        return name.equals("parent") && "project".equals(parent) && depth == 2 ? PomModel.Kind.PARENT : null;
    }

    private static boolean isCoordinateField(String name) {
        return name.equals("groupId")
                || name.equals("artifactId")
                || name.equals("version")
                || name.equals("scope")
                || name.equals("type");
    }

    private static boolean isOpenCoordinate(String parent) {
        return "dependency".equals(parent)
                || "plugin".equals(parent)
                || "extension".equals(parent)
                || "parent".equals(parent);
    }
}
