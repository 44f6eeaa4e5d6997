package dev.llmsafe.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.llmsafe.audit.Checkpoint;
import dev.llmsafe.files.CliFiles;
import dev.llmsafe.policy.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the evidence files a workflow run left behind, each checked for its own shape: the outputs file given
 * as --policy, or an array of numbers as --reviews, is refused naming the file and what it should hold, never
 * rendered as if it were evidence.
 */
public final class EvidenceReader {
    private static final Pattern CHECK = Pattern.compile("([a-z][a-z0-9_-]{0,40})=(passed|failed|absent)");
    private static final Set<String> POLICY_RESULTS = Set.of("passed", "failed", "error");

    private EvidenceReader() {}

    public static JsonNode outputs(Path file) throws InputException {
        JsonNode n = json(Stage.OUTPUTS, file);
        check(
                n.isObject()
                        && n.path("url").isTextual()
                        && n.path("runtimeTarget").isTextual(),
                Stage.OUTPUTS,
                file,
                n);
        return n;
    }

    public static JsonNode preview(Path file) throws InputException {
        JsonNode n = json(Stage.PREVIEW, file);
        // A preview that failed may hold only its diagnostics: still a preview, shown as failed.
        check(
                n.isObject()
                        && (n.path("steps").isArray()
                                || n.path("changeSummary").isObject()
                                || n.path("resources").isArray()
                                || n.path("diagnostics").isArray()),
                Stage.PREVIEW,
                file,
                n);
        return n;
    }

    public static JsonNode policy(Path file) throws InputException {
        JsonNode n = json(Stage.POLICY, file);
        boolean ok = n.isObject()
                && POLICY_RESULTS.contains(n.path("result").asText(""))
                && n.path("summary").isTextual()
                && n.path("verdicts").isArray();
        for (JsonNode v : n.path("verdicts")) {
            ok &= v.isObject() && v.path("rule").isTextual() && v.path("status").isTextual();
        }
        check(ok, Stage.POLICY, file, n);
        return n;
    }

    /** The reviews of every page ({@code gh api --paginate} writes one array per page, one after another). */
    public static JsonNode reviews(Path file) throws InputException {
        String label = CliFiles.label(Stage.REVIEWS.option(), file);
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (JsonNode page : CliFiles.readJsonValues(file, label, Stage.REVIEWS.expected())) {
            all.addAll(CliFiles.array(
                    page,
                    label,
                    Stage.REVIEWS.expected(),
                    r -> r.path("state").isTextual()
                            && (r.path("user").isNull()
                                    || r.path("user").path("login").isTextual())));
        }
        return all;
    }

    /** What {@code llmsafe verify} printed on stdout. */
    public static String verify(Path file) throws InputException {
        String label = CliFiles.label(Stage.VERIFY.option(), file);
        String text = CliFiles.readText(file, label);
        String first = text.strip().lines().findFirst().orElse("");
        if (!first.startsWith("healthy") && !first.startsWith("not healthy")) {
            throw new InputException(
                    label,
                    (first.isEmpty() ? "empty" : "starts with '" + shown(first) + "'") + "; expected "
                            + Stage.VERIFY.expected());
        }
        return text;
    }

    /** {@code name=outcome} lines, as .github/scripts/run-if-present.sh writes them. */
    public static Map<String, String> checks(Path file) throws InputException {
        String label = CliFiles.label(Stage.CHECKS.option(), file);
        Map<String, String> checks = new LinkedHashMap<>();
        List<String> lines = CliFiles.readText(file, label)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CHECK.matcher(lines.get(i));
            if (!m.matches()) {
                throw new InputException(
                        label,
                        "line " + (i + 1) + " is '" + shown(lines.get(i)) + "'; expected " + Stage.CHECKS.expected());
            }
            checks.put(m.group(1), m.group(2));
        }
        if (checks.isEmpty()) {
            throw new InputException(label, "empty; expected " + Stage.CHECKS.expected());
        }
        return checks;
    }

    /** The audit record's {@code SEQ:HASH}, in the form the log prints it. */
    public static String auditHash(String value) throws InputException {
        try {
            return Checkpoint.parse(value).toString();
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    Stage.AUDIT.option() + " '" + shown(value == null ? "" : value) + "'",
                    "not " + Stage.AUDIT.expected() + ", e.g. 17:" + "9f".repeat(32));
        }
    }

    private static JsonNode json(Stage stage, Path file) throws InputException {
        return CliFiles.readJson(file, CliFiles.label(stage.option(), file), stage.expected());
    }

    private static void check(boolean ok, Stage stage, Path file, JsonNode found) throws InputException {
        if (!ok) {
            throw new InputException(
                    CliFiles.label(stage.option(), file),
                    "holds " + describe(found) + "; expected " + stage.expected());
        }
    }

    /** What a file holds instead, in a few words: its type and its first keys. */
    static String describe(JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(k -> keys.add(shown(k)));
            return keys.isEmpty()
                    ? "an empty JSON object"
                    : "a JSON object with " + String.join(", ", keys.subList(0, Math.min(5, keys.size())))
                            + (keys.size() > 5 ? ", ..." : "");
        }
        if (n.isArray()) {
            return n.isEmpty() ? "an empty JSON array" : "a JSON array whose items are not the expected objects";
        }
        return "a JSON " + n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String shown(String text) {
        return CliFiles.shown(text);
    }
}
