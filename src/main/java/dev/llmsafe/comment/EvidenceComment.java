package dev.llmsafe.comment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.report.Escapes;
import dev.llmsafe.policy.report.MarkdownReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one evidence comment of a pull request: a summary table first (never trimmed), then the policy details,
 * which are cut to keep the whole comment under GitHub's limit. The same evidence always gives the same text.
 */
public final class EvidenceComment {
    /** The hidden line that identifies the comment for update-in-place. */
    public static final String MARKER = "<!-- llmsafe:evidence -->";

    public static final int LIMIT = MarkdownReport.LIMIT;
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]{1,500}");
    /** A row whose stage ran but whose outputs do not name the value. */
    private static final String NOT_SET = "not set";

    private EvidenceComment() {}

    public static String render(Evidence e) {
        StringBuilder summary = new StringBuilder(MARKER).append('\n');
        if (e.destroyed().isPresent()) {
            summary.append("### Preview `")
                    .append(cell(e.stack()))
                    .append("`: removed\n\n")
                    .append(destroyedLine(e.destroyed().get()))
                    .append('\n');
            e.auditHash()
                    .ifPresent(h ->
                            summary.append("\nAudit record: ").append(code(h)).append('\n'));
            return summary.toString();
        }
        summary.append("### Preview `")
                .append(cell(e.stack()))
                .append("`: ")
                .append(status(e))
                .append("\n\n");
        summary.append("| | |\n|---|---|\n");
        String noOutputs = e.outputs().isEmpty() ? e.absent(Stage.OUTPUTS) : NOT_SET;
        row(summary, "URL", output(e, "url").map(EvidenceComment::link).orElse(noOutputs));
        row(
                summary,
                "runtime",
                output(e, "runtimeTarget")
                        .map(t -> cell(t)
                                + output(e, "runtimeTargetReason")
                                        .map(r -> " (" + cell(r) + ")")
                                        .orElse(""))
                        .orElse(noOutputs));
        row(summary, "logs and metrics", links(e));
        row(summary, "changes", changes(e));
        row(
                summary,
                "policy",
                e.policy().map(p -> cell(p.path("summary").asText())).orElse(e.absent(Stage.POLICY)));
        row(
                summary,
                "health",
                e.verify()
                        .map(v -> code(v.strip().lines().findFirst().orElse("")))
                        .orElse(e.absent(Stage.VERIFY)));
        row(summary, "seed and tests", e.checks().isEmpty() ? e.absent(Stage.CHECKS) : checks(e.checks()));
        row(summary, "approvals", approvals(e));
        row(summary, "audit record", e.auditHash().map(EvidenceComment::code).orElse(e.absent(Stage.AUDIT)));
        return withDetails(summary.toString(), details(e));
    }

    private static String status(Evidence e) {
        if (e.policy().map(p -> !"passed".equals(p.path("result").asText())).orElse(false)) {
            return "blocked by policy, nothing deployed";
        }
        if (e.outputs().isEmpty()) {
            return "not deployed";
        }
        if (e.verify().map(v -> !v.strip().startsWith("healthy")).orElse(true)) {
            return "deployed, not verified healthy";
        }
        if (e.checks().containsValue("failed")) {
            return "deployed, preview tests failed";
        }
        return "deployed and healthy";
    }

    private static String destroyedLine(String result) {
        switch (result) {
            case "destroyed":
                return "The preview environment was destroyed when the pull request closed.";
            case "absent":
                return "The pull request closed before its first deploy: there was nothing to destroy.";
            default:
                return "Destroying the preview failed; see the job log (the nightly reaper retries).";
        }
    }

    private static Optional<String> output(Evidence e, String key) {
        return e.outputs()
                .map(o -> o.path(key))
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText)
                .filter(s -> !s.isEmpty());
    }

    private static String links(Evidence e) {
        List<String> links = new ArrayList<>();
        for (String[] l : new String[][] {
            {"logs", "logsUrl"}, {"metrics", "metricsUrl"}, {"dashboard", "dashboardUrl"}, {"alerts", "alertsUrl"}
        }) {
            output(e, l[1])
                    .filter(u -> URL.matcher(u).matches())
                    .ifPresent(u -> links.add("[" + l[0] + "](" + u + ")"));
        }
        if (e.outputs().isEmpty()) {
            return e.absent(Stage.OUTPUTS);
        }
        return links.isEmpty() ? "none exported" : String.join(" · ", links);
    }

    private static String link(String url) {
        return URL.matcher(url).matches() ? "<" + url + ">" : cell(url);
    }

    /** Pulumi's change summary, in a fixed order so the text never depends on JSON key order. */
    private static String changes(Evidence e) {
        if (e.preview().isEmpty()) {
            return e.absent(Stage.PREVIEW);
        }
        Map<String, Integer> counts = new TreeMap<>();
        e.preview()
                .get()
                .path("changeSummary")
                .fields()
                .forEachRemaining(f -> counts.put(f.getKey(), f.getValue().asInt()));
        if (counts.isEmpty()) {
            // Without a summary: count the steps of a preview, or the resources of an offline plan.
            e.preview()
                    .get()
                    .path("steps")
                    .forEach(s -> counts.merge(s.path("op").asText(), 1, Integer::sum));
            e.preview()
                    .get()
                    .path("resources")
                    .forEach(r -> counts.merge(r.path("op").asText(), 1, Integer::sum));
        }
        List<String> parts = new ArrayList<>();
        for (String op : new String[] {"create", "update", "replace", "delete", "same"}) {
            parts.add(counts.getOrDefault(op, 0) + " " + op);
        }
        boolean failed = e.outcomes().getOrDefault(Stage.PREVIEW, StepOutcome.SUCCESS) != StepOutcome.SUCCESS;
        return String.join(", ", parts) + (failed ? " (the preview failed; see the job log)" : "");
    }

    private static String checks(Map<String, String> checks) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(checks)
                .forEach((name, outcome) -> parts.add(cell(name) + ": "
                        + ("absent".equals(outcome) ? "no script in the repository, not run" : cell(outcome))));
        return String.join("; ", parts);
    }

    /** Each reviewer's latest review; AI and bot approvals are shown but marked as never counting. */
    private static String approvals(Evidence e) {
        if (e.reviews().isEmpty()) {
            return e.absent(Stage.REVIEWS);
        }
        Map<String, String> latest = new TreeMap<>();
        Map<String, String> types = new TreeMap<>();
        for (JsonNode review : e.reviews().get()) {
            String login = review.path("user").path("login").asText();
            String state = review.path("state").asText();
            if (!login.isEmpty() && !"COMMENTED".equals(state)) {
                latest.put(login, state);
                types.put(login, review.path("user").path("type").asText(null));
            }
        }
        var classifier = e.classifier();
        List<String> approved = new ArrayList<>();
        latest.forEach((login, state) -> {
            if ("APPROVED".equals(state)) {
                ActorKind kind = classifier.classify(login, types.get(login));
                approved.add(cell(login) + (kind == ActorKind.HUMAN ? "" : " (" + kind.value() + ", never counted)"));
            }
        });
        return approved.isEmpty() ? "none yet" : String.join(", ", approved);
    }

    /** Every verdict that is not a plain pass (a rule not applicable included, in words), with its findings. */
    private static List<String> details(Evidence e) {
        List<String> lines = new ArrayList<>();
        if (e.policy().isEmpty()) {
            return lines;
        }
        for (JsonNode v : e.policy().get().path("verdicts")) {
            String status = v.path("status").asText();
            if ("pass".equals(status) && v.path("excepted").isEmpty()) {
                continue;
            }
            String words =
                    Verdict.Status.ofValue(status).map(Verdict.Status::words).orElse(status);
            lines.add("- **" + cell(v.path("rule").asText()) + "** ("
                    + cell(v.path("level").asText()) + "): " + cell(words)
                    + (v.path("note").asText().isEmpty()
                            ? ""
                            : ", " + cell(v.path("note").asText())));
            for (JsonNode f : v.path("findings")) {
                String where = f.path("path").isTextual()
                        ? " ("
                                + code(f.path("path").asText()
                                        + (f.path("line").isInt()
                                                ? ":" + f.path("line").asInt()
                                                : ""))
                                + ")"
                        : "";
                lines.add("  - " + cell(f.path("message").asText()) + where + " Fix: "
                        + cell(f.path("fix").asText()));
            }
            for (JsonNode x : v.path("excepted")) {
                lines.add("  - excepted (" + cell(x.path("exception").asText()) + "): "
                        + cell(x.path("reason").asText()));
            }
        }
        return lines;
    }

    /** Appends the details inside a collapsed block, cutting them (never the summary) to stay under the limit. */
    private static String withDetails(String summary, List<String> details) {
        if (details.isEmpty()) {
            return summary;
        }
        String open = "\n<details><summary>Policy details</summary>\n\n";
        String close = "\n</details>\n";
        StringBuilder out = new StringBuilder(summary).append(open);
        int room = LIMIT - summary.length() - open.length() - close.length() - 120;
        int shown = 0;
        for (String line : details) {
            if (line.length() + 1 > room) {
                break;
            }
            out.append(line).append('\n');
            room -= line.length() + 1;
            shown++;
        }
        if (shown < details.size()) {
            out.append("\n_")
                    .append(details.size() - shown)
                    .append(" more lines trimmed to fit a comment; the full ")
                    .append("report is in the job log and in code scanning._\n");
        }
        return out.append(close).toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String cell(String text) {
        return Escapes.markdown(text);
    }

    /**
     * A code span: nothing inside is Markdown, so only what could end the span, the table cell or the line is
     * replaced, and control characters are shown as escapes.
     */
    private static String code(String text) {
        String plain = Escapes.plain(text).replace('`', '\'').replace("|", "\\|");
        return "`" + (plain.length() > 300 ? plain.substring(0, 300) + "..." : plain) + "`";
    }
}
