package dev.llmsafe.policy.build;

import java.util.List;
import java.util.Map;

/**
 * What dependency-pins needs from a {@code pom.xml}: properties (the pom's own, and each profile's by profile
 * id), the project and parent versions, and every dependency, plugin, extension and parent with its line.
 */
record PomModel(
        Map<String, String> properties,
        Map<String, Map<String, String>> profileProperties,
        String projectVersion,
        String parentVersion,
        List<Coordinate> coordinates) {

    enum Kind {
        DEPENDENCY,
        PLUGIN,
        EXTENSION,
        PARENT
    }

    /**
     * @param managed  declared in dependencyManagement or pluginManagement
     * @param bomImport a {@code <scope>import</scope>} pom in dependencyManagement
     */
    record Coordinate(
            Kind kind,
            String groupId,
            String artifactId,
            String version,
            int line,
            int versionLine,
            boolean managed,
            boolean bomImport) {
        /**
         * A coordinate from the fields of its element (groupId, artifactId, version, scope, type); a BOM import is
         * a managed {@code pom} of scope {@code import}.
         */
        static Coordinate of(Kind kind, Map<String, String> fields, int line, int versionLine, boolean managed) {
            boolean bom = managed && "import".equals(fields.get("scope")) && "pom".equals(fields.get("type"));
            return new Coordinate(
                    kind,
                    fields.get("groupId"),
                    fields.get("artifactId"),
                    fields.get("version"),
                    line,
                    versionLine,
                    managed,
                    bom);
        }

        /** The group id as Maven takes it: a plugin without one is in {@code org.apache.maven.plugins}. */
        String effectiveGroupId() {
            return groupId == null && kind == Kind.PLUGIN ? "org.apache.maven.plugins" : groupId;
        }
    }
}
