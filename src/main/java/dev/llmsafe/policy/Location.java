package dev.llmsafe.policy;

/**
 * Where a finding is: a file and line (workflows, {@code pom.xml}, changed paths), a resource URN (plan
 * findings), both, or neither. Paths are relative to the repository root as given; line 0 means no line.
 */
public record Location(String path, int line, String resource) {
    public static final Location NONE = new Location(null, 0, null);

    public Location {
        line = Math.max(line, 0);
    }

    public static Location file(String path, int line) {
        return new Location(path, line, null);
    }

    public static Location file(String path) {
        return new Location(path, 0, null);
    }

    public static Location resource(String urn) {
        return new Location(null, 0, urn);
    }

    public boolean hasPath() {
        return path != null && !path.isEmpty();
    }

    public boolean hasResource() {
        return resource != null && !resource.isEmpty();
    }

    /** What suppressions and allowlist entries match against: the resource URN, else the path. */
    public String target() {
        if (hasResource()) {
            return resource;
        }
        return hasPath() ? path : "";
    }

    /** {@code path:line}, {@code path} or the URN, for people. */
    public String display() {
        if (hasPath()) {
            return line > 0 ? path + ":" + line : path;
        }
        return hasResource() ? resource : "";
    }
}
