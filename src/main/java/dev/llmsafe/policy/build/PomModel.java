package dev.llmsafe.policy.build;

import java.util.List;
import java.util.Map;

/**
 * What dependency-pins needs from a {@code pom.xml}: properties (the pom's own, and each profile's by profile
 * id), the project and parent versions, and every dependency, plugin, extension and parent with its line.
 */
record PomModel(Map<String, String> properties, Map<String, Map<String, String>> profileProperties, String projectVersion,
                String parentVersion, List<Coordinate> coordinates) {

    enum Kind { DEPENDENCY, PLUGIN, EXTENSION, PARENT }

    /**
     * @param managed  declared in dependencyManagement or pluginManagement
     * @param bomImport a {@code <scope>import</scope>} pom in dependencyManagement
     */
    record Coordinate(Kind kind, String groupId, String artifactId, String version, int line, int versionLine,
                      boolean managed, boolean bomImport) {
        String key() {
            String group = groupId == null && kind == Kind.PLUGIN ? "org.apache.maven.plugins" : groupId;
            return group + ":" + artifactId;
        }
    }
}
