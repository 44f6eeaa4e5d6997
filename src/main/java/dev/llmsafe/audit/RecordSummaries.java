package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per record for reports. Payload fields read here are the conventions of the commands that write
 * each kind (docs/auditor-guide.md, "Payload conventions"); anything else falls back to the payload itself.
 */
final class RecordSummaries {
    private static final int MAX = 160;

    private RecordSummaries() {}

    static AuditReport.Entry entry(AuditRecord r, boolean verified) {
        JsonNode p = r.payload();
        List<String> parts = new ArrayList<>();
        boolean problem = false;
        String time = r.time();
        String recorded = null;
        String stack = r.subject().stack() != null ? r.subject().stack() : text(p.path("stack"));
        switch (r.kind()) {
            case RecordKinds.POLICY_RESULT -> {
                problem = policyFailed(r);
                add(parts, "verdict", p.path("verdict"));
                if (p.path("violations").isArray()) {
                    parts.add(p.path("violations").size() + " violation(s)");
                } else {
                    add(parts, "violations", p.path("violations"));
                }
            }
            case RecordKinds.PREVIEW_DEPLOYED, RecordKinds.PREVIEW_DESTROYED, RecordKinds.PROMOTION -> {
                if (RecordKinds.PROMOTION.equals(r.kind()) && r.subject().commit() != null) {
                    parts.add("commit " + r.subject().commit()); // what was promoted: the job's commit
                }
                add(parts, "environment", p.path("environment"));
                add(parts, "outcome", p.path("outcome"));
                add(parts, "result", p.path("result"));
                add(parts, "url", p.path("url"));
            }
            case RecordKinds.APPROVAL -> {
                parts.add("approved by " + r.actor().login());
                add(parts, "environment", p.path("environment"));
            }
            case RecordKinds.CHECKPOINT ->
                parts.add("head " + p.path("head").path("seq").asText() + ":"
                        + abbreviate(p.path("head").path("hash").asText(), 12));
            case RecordKinds.STACK_HISTORY -> {
                JsonNode e = p.path("entry");
                parts.add(update(e));
                problem = "failed".equals(e.path("result").asText());
                // The row is when Pulumi ran the update; the record's own time is when it was imported.
                if (instant(e.path("startTime").asText("")) != null) {
                    time = e.path("startTime").asText();
                    recorded = r.time();
                    parts.add("imported " + recorded);
                }
            }
            default -> {}
        }
        add(parts, "", p.path("summary"));
        if (parts.isEmpty() && !p.isEmpty()) {
            parts.add(p.toString());
        }
        if (stack != null) {
            parts.add("stack " + stack);
        }
        if (r.subject().aiTrailer() != null) {
            parts.add(r.subject().aiTrailer());
        }
        return AuditReport.Entry.builder(AuditReport.Source.LOG)
                .seq(r.seq())
                .time(time)
                .at(instant(time))
                .recorded(recorded)
                .kind(r.kind())
                .actor(r.actor())
                .summary(abbreviate(String.join("; ", parts), MAX))
                .problem(problem)
                .verified(verified)
                .commit(r.subject().commit())
                .stack(stack)
                .run(run(r))
                .build();
    }

    /** The workflow run a record came from; an imported update's is the run Pulumi says it ran in. */
    static RunLink run(AuditRecord r) {
        return RecordKinds.STACK_HISTORY.equals(r.kind())
                ? RunLink.ofHistory(r.subject(), r.payload().path("entry"))
                : RunLink.of(r.subject());
    }

    /** A {@code pulumi stack history --json} entry joined into a timeline; who ran it is not in Pulumi's data. */
    static AuditReport.Entry history(JsonNode h, String stack) {
        String summary = update(h) + (stack == null ? "" : "; stack " + stack);
        String commit = h.path("environment").path("git.head").asText("");
        String start = h.path("startTime").asText("");
        return AuditReport.Entry.builder(AuditReport.Source.HISTORY)
                .time(start)
                .at(instant(start))
                .kind("stack history")
                .summary(abbreviate(summary, MAX))
                .problem("failed".equals(h.path("result").asText()))
                .commit(commit.isEmpty() ? null : commit)
                .stack(stack)
                .build();
    }

    /** A line of the log that is no record: shown, never dropped, with what it begins with. */
    static AuditReport.Entry unreadable(LogLines.Line line) {
        return AuditReport.Entry.builder(AuditReport.Source.UNREADABLE)
                .time("")
                .kind("unreadable")
                .summary(abbreviate("line " + line.line() + " is " + line.problem() + ": " + line.text(), MAX))
                .problem(true)
                .build();
    }

    static boolean policyFailed(AuditRecord r) {
        String verdict = r.payload().path("verdict").asText("");
        return verdict.equals("fail")
                || verdict.equals("failed")
                || !r.payload().path("passed").asBoolean(true);
    }

    /** An RFC 3339 time as an instant, or null when it is none. */
    static Instant instant(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "pulumi update succeeded (create 2); the message". */
    private static String update(JsonNode e) {
        String message = e.path("message").asText("");
        return "pulumi " + e.path("kind").asText() + " " + e.path("result").asText("")
                + changes(e.path("resourceChanges")) + (message.isEmpty() ? "" : "; " + message);
    }

    private static String changes(JsonNode changes) {
        if (!changes.isObject() || changes.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        changes.fields()
                .forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asText()));
        return " (" + String.join(", ", parts) + ")";
    }

    private static String text(JsonNode value) {
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static void add(List<String> parts, String label, JsonNode value) {
        String text = text(value);
        if (text != null) {
            parts.add(label.isEmpty() ? text : label + " " + text);
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
