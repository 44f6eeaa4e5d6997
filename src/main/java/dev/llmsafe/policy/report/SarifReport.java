package dev.llmsafe.policy.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.Verdict;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its metadata, one result per finding at its file and
 * line when it has one, else at the artifact the finding came from (the plan file or {@code Pulumi.yaml}),
 * with the resource URN as a logical location. Allowlisted and suppressed findings are results with a
 * {@code suppressions} entry, so code scanning shows them as dismissed with the reason. A rule that had
 * nothing of its kind to judge is one result of {@code kind: "notApplicable"} (SARIF 2.1.0, 3.27.9: "was not
 * evaluated, because it does not apply to the analysis target"), whose {@code level} the standard requires to
 * be {@code "none"}; a passing rule has no result, as before.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SarifReport() {}

    /**
     * @param rules           every rule, for the tool's rule metadata
     * @param defaultArtifact repository-relative file for findings without a path
     * @param version         the tool version
     */
    public static String render(PolicyReport report, List<Rule> rules, String defaultArtifact, String version) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Object> ruleMeta = new ArrayList<>();
        for (Rule r : rules) {
            index.put(r.id(), ruleMeta.size());
            ruleMeta.add(rule(r));
        }
        List<Object> results = new ArrayList<>();
        List<Object> notifications = new ArrayList<>();
        for (Verdict v : report.verdicts()) {
            Integer ruleIndex = index.get(v.rule().id());
            for (Finding f : v.findings()) {
                results.add(result(v, ruleIndex, f, defaultArtifact, null));
            }
            for (Verdict.ExceptedFinding e : v.excepted()) {
                Map<String, Object> suppression = new LinkedHashMap<>();
                suppression.put("kind", "external");
                suppression.put(
                        "justification",
                        e.how() + (e.until().isEmpty() ? "" : " until " + e.until()) + ": " + e.reason());
                results.add(result(v, ruleIndex, e.finding(), defaultArtifact, suppression));
            }
            if (v.status() == Verdict.Status.NOT_APPLICABLE) {
                results.add(notApplicable(v, ruleIndex, defaultArtifact));
            }
            if (v.status() == Verdict.Status.ERROR) {
                notifications.add(Map.of(
                        "level", "error", "message", Map.of("text", v.rule().id() + ": " + v.note())));
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "llmsafe-policy");
        driver.put("semanticVersion", version);
        driver.put("rules", ruleMeta);
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", !report.hasError());
        invocation.put("toolExecutionNotifications", notifications);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("invocations", List.of(invocation));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as SARIF", e);
        }
    }

    private static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", camel(r.id()));
        m.put("shortDescription", Map.of("text", r.description()));
        m.put("fullDescription", Map.of("text", r.description()));
        m.put(
                "help",
                Map.of(
                        "text",
                        r.description() + " See docs/policies.md, section " + r.id() + ", for how to fix it.",
                        "markdown",
                        r.description() + " See [docs/policies.md](docs/policies.md#" + r.id() + ")."));
        String level = r.defaultLevel() == EnforcementLevel.MANDATORY
                ? "error"
                : r.defaultLevel() == EnforcementLevel.ADVISORY ? "warning" : "none";
        m.put("defaultConfiguration", Map.of("level", level));
        m.put(
                "properties",
                Map.of("tags", List.of("llmsafe", r.category().name().toLowerCase(Locale.ROOT)), "precision", "high"));
        return m;
    }

    /** A finding of the verdict's rule, at the level the verdict was judged at. */
    private static Map<String, Object> result(
            Verdict v, Integer ruleIndex, Finding f, String defaultArtifact, Map<String, Object> suppression) {
        String ruleId = v.rule().id();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", ruleId);
        m.put("ruleIndex", ruleIndex);
        m.put("level", v.level() == EnforcementLevel.MANDATORY ? "error" : "warning");
        m.put("message", Map.of("text", f.message() + (f.fix().isEmpty() ? "" : " Fix: " + f.fix())));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put(
                "physicalLocation",
                physical(
                        f.location().hasPath() ? f.location().path() : defaultArtifact,
                        f.location().hasPath() && f.location().line() > 0
                                ? f.location().line()
                                : 1,
                        defaultArtifact));
        if (f.location().hasResource()) {
            location.put(
                    "logicalLocations",
                    List.of(Map.of("fullyQualifiedName", f.location().resource(), "kind", "resource")));
        }
        m.put("locations", List.of(location));
        m.put(
                "partialFingerprints",
                Map.of(
                        "llmsafeFinding/v1",
                        fingerprint(ruleId + "\n" + f.location().target() + "\n" + f.message())));
        if (suppression != null) {
            m.put("suppressions", List.of(suppression));
        }
        return m;
    }

    /**
     * The one result of a rule that judged nothing, at the artifact it would have judged (code scanning refuses a
     * whole upload when one result has no location).
     */
    private static Map<String, Object> notApplicable(Verdict v, Integer ruleIndex, String defaultArtifact) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", v.rule().id());
        m.put("ruleIndex", ruleIndex);
        m.put("kind", "notApplicable");
        m.put("level", "none");
        m.put("message", Map.of("text", v.rule().id() + " was not evaluated: " + v.note() + "."));
        m.put("locations", List.of(Map.of("physicalLocation", physical(defaultArtifact, 1, defaultArtifact))));
        m.put(
                "partialFingerprints",
                Map.of("llmsafeFinding/v1", fingerprint(v.rule().id() + "\nnotApplicable")));
        return m;
    }

    /** A file and line as SARIF writes them; a path that cannot be a relative URI falls back to the default. */
    private static Map<String, Object> physical(String path, int line, String defaultArtifact) {
        String uri = uri(path);
        if (uri == null) {
            uri = uri(defaultArtifact);
        }
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri == null ? "Pulumi.yaml" : uri, "uriBaseId", "%SRCROOT%"));
        physical.put("region", Map.of("startLine", line));
        return physical;
    }

    /** A relative URI reference for a repository path, or null when the path cannot be one. */
    static String uri(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            return null;
        }
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        String safe = first.contains(":") ? "./" + path : path; // a colon would read as a URI scheme
        try {
            return new URI(null, null, safe, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static String fingerprint(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
